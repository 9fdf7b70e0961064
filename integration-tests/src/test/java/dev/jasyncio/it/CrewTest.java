package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.structured.ExceptionGroup;
import dev.jasyncio.tasks.DeadlineExceededException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task toolkit used from blueprints compiled by the processor. */
class CrewTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void aTaskGroupWaitsForItsWorkersBeforeItIsLeft() {
        assertEquals("body", EventLoop.run(CrewAsync.crew(log)));
        assertEquals(List.of("hired", "fast", "slow", "group left"), log);
    }

    @Test
    void aTaskGroupReportsEveryFailureTogether() {
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> EventLoop.run(CrewAsync.failingCrew(log)));
        assertEquals(List.of("first"), group.exceptions().stream().map(Throwable::getMessage).toList(),
                "the first failure cancels the second worker before it fails");
    }

    @Test
    void asCompletedFeedsAForLoopInCompletionOrder() {
        assertEquals(List.of("a", "b", "c"), EventLoop.run(CrewAsync.inCompletionOrder(log)));
    }

    @Test
    void waitForGivesUpWithDeadlineExceeded() {
        assertThrows(DeadlineExceededException.class, () -> EventLoop.run(CrewAsync.impatient(log)));
        assertEquals(List.of(), log);
    }

    @Test
    void waitUntilSplitsDoneFromPending() {
        assertEquals(List.of(1, 1), EventLoop.run(CrewAsync.firstOfTwo(log)));
        assertEquals(List.of("fast"), log);
    }

    @Test
    void aShieldedOperationGivesItsValue() {
        assertEquals("shielded", EventLoop.run(CrewAsync.shielded(log)));
    }
}
