package dev.jasyncio.sync;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.CancellationLog;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTest {

    private final EventLoop loop = new EventLoop();
    private final Event event = new Event(loop);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Task<Void> waiter(String name) {
        return loop.createTask(Steps.of(m -> awaiting(event.waitSet()), m -> {
            CancellationLog.resume(m, log, name);
            log.add(name + " woke");
            return null;
        }));
    }

    @Test
    void settingTheEventWakesEveryWaiterInTheOrderTheyStartedWaiting() {
        waiter("a");
        waiter("b");
        Task<Void> last = waiter("c");
        Turns.run(loop, 1);
        assertEquals(List.of(), log);
        event.set();
        RunUntil.done(loop, last);
        assertEquals(List.of("a woke", "b woke", "c woke"), log);
    }

    @Test
    void waitingForASetEventCompletesAtOnceWithASharedFuture() {
        event.set();
        AsyncFuture<?> first = (AsyncFuture<?>) event.waitSet();
        assertTrue(first.isDone());
        assertSame(first, event.waitSet());
    }

    @Test
    void aWaiterWokenBySetReturnsEvenIfTheEventIsClearedBeforeItRuns() {
        Task<Void> task = waiter("a");
        Turns.run(loop, 1);
        event.set();
        event.clear();
        RunUntil.done(loop, task);
        assertEquals(List.of("a woke"), log);
        assertFalse(event.isSet());
    }

    @Test
    void afterClearWaitersWaitForTheNextSet() {
        event.set();
        event.clear();
        Task<Void> task = waiter("a");
        Turns.run(loop, 2);
        assertFalse(task.isDone());
        event.set();
        RunUntil.done(loop, task);
        assertEquals(List.of("a woke"), log);
    }

    @Test
    void aCancelledWaiterLeavesAndTheOthersStillWake() {
        Task<Void> cancelled = waiter("a");
        Task<Void> other = waiter("b");
        Turns.run(loop, 1);
        assertEquals("Event[unset, waiters=2]", event.toString());
        cancelled.cancel();
        Turns.run(loop, 1);
        assertEquals("Event[unset, waiters=1]", event.toString());
        event.set();
        RunUntil.done(loop, other);
        assertEquals(List.of("a cancelled", "b woke"), log);
    }
}
