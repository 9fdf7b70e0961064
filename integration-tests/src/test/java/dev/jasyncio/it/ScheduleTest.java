package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gather's ordering, and loops of every kind whose bodies or conditions await. */
class ScheduleTest {

    @Test
    void gatherGivesArgumentOrderWhateverOrderTheyFinishIn() {
        List<String> finished = new ArrayList<>();

        assertEquals(List.of("slow", "fast", "medium"), EventLoop.run(ScheduleAsync.slowFirst(finished)));
        assertEquals(List.of("fast", "medium", "slow"), finished);
    }

    @Test
    void whileLoopResumesWithItsCounterIntact() {
        assertEquals(List.of(3, 2, 1), EventLoop.run(ScheduleAsync.countdown(3)));
        assertEquals(List.of(), EventLoop.run(ScheduleAsync.countdown(0)));
    }

    @Test
    void forLoopFeedsEachAwaitedResultIntoTheNextTurn() {
        assertEquals(1L << 40, EventLoop.run(ScheduleAsync.doublings(40)));
    }

    @Test
    void awaitInTheLoopConditionReadsEveryPage() {
        Pages pages = new Pages(List.of(List.of("a", "b"), List.of("c"), List.of("d", "e")), 0);

        assertEquals(List.of("a", "b", "c", "d", "e"), EventLoop.run(PagesAsync.readAll(pages)));
    }

    @Test
    void doWhileRetriesUntilAnswered() {
        Pages flaky = new Pages(List.of(), 2);

        assertTrue(EventLoop.run(PagesAsync.pingWithRetries(flaky, 5)));
        assertEquals(3, flaky.attempts);
    }

    @Test
    void doWhileGivesUpAfterMaxAttempts() {
        Pages down = new Pages(List.of(), 10);

        assertFalse(EventLoop.run(PagesAsync.pingWithRetries(down, 4)));
        assertEquals(4, down.attempts);
    }
}
