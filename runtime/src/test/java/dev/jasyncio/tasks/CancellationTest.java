package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.allTasks;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.currentTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Names, counted cancellation requests, and cancellation travelling down chains of awaits. */
class CancellationTest {

    private final EventLoop loop = new EventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void tasksAreNamedTaskNInCreationOrderUnlessNamed() {
        Task<String> first = loop.createTask(Steps.returning("a"));
        Task<String> second = loop.createTask(Steps.returning("b"));
        assertEquals("Task-1", first.getName());
        assertEquals("Task-2", second.getName());
        second.setName("fetcher");
        assertEquals("fetcher", second.getName());
        assertTrue(second.toString().startsWith("Task[pending](fetcher, dev.jasyncio.testing.Steps"), second.toString());
        Turns.run(loop, 1);
        assertEquals("Task[result=b](fetcher, dev.jasyncio.testing.Steps)", second.toString());
        assertEquals("the result is not set yet: Task[pending](Task-1, dev.jasyncio.testing.Steps)",
                assertThrows(InvalidStateException.class, () -> {
                    try (EventLoop other = new EventLoop()) {
                        other.createTask(Steps.returning("x")).result();
                    }
                }).getMessage());
    }

    @Test
    void createTaskWithANameNamesTheTask() {
        String name = EventLoop.run(Steps.of(m -> awaiting(createTask(Steps.of(n -> currentTask().getName()), "worker")),
                Steps::resume));
        assertEquals("worker", name);
    }

    @Test
    void theFacadeTellsTheCurrentTaskAndThePendingOnes() {
        List<Object> seen = new ArrayList<>();
        Task<String> worker = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume));
        Task<List<Task<?>>> main = loop.createTask(Steps.of(m -> {
            seen.add(currentTask());
            EventLoop.getRunningLoop().callSoon(() -> seen.add(String.valueOf(currentTask())));
            return allTasks();
        }));
        Turns.run(loop, 2);
        assertEquals(List.of(main, "null"), seen);
        assertEquals(List.of(worker, main), main.result());
        worker.cancel();
        Turns.run(loop, 1);
    }

    @Test
    void aCatchOfExceptionDoesNotSwallowACancellation() {
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), m -> {
            try {
                return m.resume();
            } catch (Exception e) {
                return "swallowed";
            }
        }));
        Turns.run(loop, 1);
        task.cancel();
        Turns.run(loop, 2);
        assertTrue(task.isCancelled());
        assertFalse(Exception.class.isAssignableFrom(CancelledException.class));
        assertTrue(Error.class.isAssignableFrom(CancelledException.class));
    }

    @Test
    void cancelRequestsAreCountedUntilWithdrawn() {
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                return "refused " + e.getMessage() + " with " + currentTask().cancelling() + " requests";
            }
        }));
        Turns.run(loop, 1);
        assertTrue(task.cancel("first"));
        assertTrue(task.cancel("second"));
        assertEquals(2, task.cancelling());
        Turns.run(loop, 2);
        assertEquals("refused first with 2 requests", task.result());
        assertEquals(1, task.uncancel());
        assertEquals(0, task.uncancel());
        assertEquals(0, task.uncancel(), "the count never goes below zero");
    }

    @Test
    void withdrawingTheLastRequestBeforeItIsDeliveredWithdrawsTheCancellation() {
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(sleep(0)), m -> {
            m.resume();
            return "not cancelled";
        }));
        Turns.run(loop, 1);
        assertTrue(task.cancel(), "a yielding task waits on no future, so the request waits for its next step");
        assertEquals(0, task.uncancel());
        Turns.run(loop, 1);
        assertEquals("not cancelled", task.result());
    }

    @Test
    void cancellingATaskCancelsTheTasksItAwaitsAllTheWayDownWithTheMessage() {
        Task<String> bottom = loop.createTask(recording("bottom", Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))),
                Steps::resume)));
        Task<String> middle = loop.createTask(recording("middle", Steps.of(m -> awaiting(bottom), Steps::resume)));
        Task<String> top = loop.createTask(recording("top", Steps.of(m -> awaiting(middle), Steps::resume)));
        Turns.run(loop, 1);
        assertTrue(top.cancel("stop everything"));
        Turns.run(loop, 4);
        assertEquals(List.of("bottom: stop everything", "middle: stop everything", "top: stop everything"), log);
        assertTrue(bottom.isCancelled() && middle.isCancelled() && top.isCancelled());
        assertEquals(1, top.cancelling());
        assertEquals(1, bottom.cancelling());
    }

    @Test
    void aCancellationUnwindsEveryFrameOfTheChainInnermostFirst() {
        Task<String> task = loop.createTask(recording("outer", recording("middle", recording("inner",
                Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume)))));
        Turns.run(loop, 1);
        task.cancel("unwind");
        Turns.run(loop, 1);
        assertEquals(List.of("inner: unwind", "middle: unwind", "outer: unwind"), log);
        assertTrue(task.isCancelled());
    }

    @Test
    void aTaskThatRefusesTheCancellationOfTheTaskItAwaitsGivesItsValueToTheAwaiter() {
        Task<String> stubborn = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                return "refused";
            }
        }));
        Task<String> awaiter = loop.createTask(Steps.of(m -> awaiting(stubborn), Steps::resume));
        Turns.run(loop, 1);
        assertTrue(awaiter.cancel());
        Turns.run(loop, 3);
        assertEquals("refused", awaiter.result(), "as in asyncio, the cancellation was passed on and refused");
    }

    /** Awaits {@code inner}; logs the cancellation it sees, with its message, and rethrows it. */
    private Coroutine<String> recording(String name, Coroutine<String> inner) {
        return Steps.of(m -> awaiting(inner), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                log.add(name + ": " + e.getMessage());
                throw e;
            }
        });
    }
}
