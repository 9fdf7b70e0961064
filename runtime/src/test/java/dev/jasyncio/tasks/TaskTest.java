package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import dev.jasyncio.testing.Reports;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final EventLoop loop = new EventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void aTaskStartsOnTheNextTurnAndCompletesWithItsCoroutinesResult() {
        Task<String> task = loop.createTask(Steps.of(m -> {
            log.add("ran");
            return "result";
        }));
        assertFalse(task.isDone());
        assertEquals(List.of(), log);
        assertThrows(InvalidStateException.class, task::result);
        Turns.run(loop, 1);
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
        assertEquals("result", task.result());
        assertNull(task.exception());
    }

    @Test
    void aTaskFailsWithTheExceptionItsCoroutineThrows() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        Task<String> task = loop.createTask(Steps.throwing(failure));
        Turns.run(loop, 1);
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
        assertSame(failure, task.exception());
        assertSame(failure, assertThrows(IllegalArgumentException.class, task::result));
    }

    @Test
    void aCoroutineCannotBeWrappedInTwoTasks() {
        Steps<String> coroutine = Steps.returning("once");
        loop.createTask(coroutine);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> loop.createTask(coroutine));
        assertTrue(thrown.getMessage().contains("already awaited"), thrown.getMessage());
        Turns.run(loop, 1);
    }

    @Test
    void cancellingASuspendedTaskDeliversCancelledExceptionAtItsAwait() {
        Task<String> task = loop.createTask(Steps.of(
                m -> awaiting(sleep(Duration.ofSeconds(30))),
                m -> {
                    try {
                        m.resume();
                        return "not cancelled";
                    } catch (CancelledException e) {
                        log.add("caught: " + e.getMessage());
                        throw e;
                    } finally {
                        log.add("finally");
                    }
                }));
        Turns.run(loop, 1);
        assertTrue(task.cancel("enough"));
        assertFalse(task.isDone(), "cancel only asks; the task finishes on its next step");
        Turns.run(loop, 2);
        assertEquals(List.of("caught: enough", "finally"), log);
        assertTrue(task.isCancelled());
        CancelledException thrown = assertThrows(CancelledException.class, task::result);
        assertEquals("enough", thrown.getMessage());
        assertThrows(CancelledException.class, task::exception);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        Task<String> task = loop.createTask(Steps.of(m -> {
            log.add("body ran");
            return "ran";
        }));
        assertTrue(task.cancel());
        Turns.run(loop, 1);
        assertTrue(task.isCancelled());
        assertEquals(List.of(), log);
    }

    @Test
    void aTaskThatCatchesItsCancellationCarriesOn() {
        Task<String> task = loop.createTask(Steps.of(
                m -> awaiting(sleep(Duration.ofSeconds(30))),
                m -> {
                    try {
                        return m.resume();
                    } catch (CancelledException e) {
                        return awaiting(sleep(0));
                    }
                },
                m -> {
                    m.resume();
                    return "survived";
                }));
        Turns.run(loop, 1);
        task.cancel();
        assertEquals(1, task.cancelling());
        Turns.run(loop, 3);
        assertFalse(task.isCancelled());
        assertEquals("survived", task.result());
        assertEquals(0, task.uncancel());
    }

    @Test
    void cancellingATaskWhileItYieldsDeliversTheCancellationWhenItResumes() {
        Task<String> task = loop.createTask(Steps.of(
                m -> awaiting(sleep(0)),
                m -> {
                    try {
                        return m.resume();
                    } catch (CancelledException e) {
                        log.add("cancelled");
                        throw e;
                    }
                }));
        Turns.run(loop, 1);
        assertTrue(task.cancel());
        Turns.run(loop, 1);
        assertEquals(List.of("cancelled"), log);
        assertTrue(task.isCancelled());
    }

    @Test
    void aCancellationRequestedAfterTheAwaitedFutureWasCancelledKeepsTheFuturesReason() {
        AsyncFuture<String> future = new AsyncFuture<>(loop);
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(future), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                return e.getMessage();
            }
        }));
        Turns.run(loop, 1);
        future.cancel("the future's reason");
        assertTrue(task.cancel("the task's reason"));
        Turns.run(loop, 1);
        assertEquals("the future's reason", task.result());
    }

    @Test
    void aCancellationRequestedAfterTheAwaitedFutureSucceededWins() {
        AsyncFuture<String> future = new AsyncFuture<>(loop);
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(future), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                return "cancelled: " + e.getMessage();
            }
        }));
        Turns.run(loop, 1);
        future.setResult("value");
        assertTrue(task.cancel("too late for the value"));
        Turns.run(loop, 1);
        assertEquals("cancelled: too late for the value", task.result());
    }

    @Test
    void cancellationPassesThroughAnAwaitedTask() {
        Task<String> inner = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume));
        Task<String> outer = loop.createTask(Steps.of(m -> awaiting(inner), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                log.add("outer saw the cancellation");
                throw e;
            }
        }));
        Turns.run(loop, 1);
        assertTrue(outer.cancel());
        Turns.run(loop, 3);
        assertTrue(inner.isCancelled());
        assertTrue(outer.isCancelled());
        assertEquals(List.of("outer saw the cancellation"), log);
    }

    @Test
    void cancelReturnsFalseForADoneTask() {
        Task<String> task = loop.createTask(Steps.returning("done"));
        Turns.run(loop, 1);
        assertFalse(task.cancel());
        assertEquals("done", task.result());
    }

    @Test
    void aTaskCannotBeCompletedFromOutside() {
        Task<String> task = loop.createTask(Steps.returning("mine"));
        assertThrows(UnsupportedOperationException.class, () -> task.setResult("yours"));
        assertThrows(UnsupportedOperationException.class, () -> task.setException(new RuntimeException()));
        Turns.run(loop, 1);
        assertEquals("mine", task.result());
    }

    @Test
    void awaitingACoroutineTwiceFailsAtTheSecondAwait() {
        Steps<Integer> child = Steps.returning(1);
        Task<String> task = loop.createTask(Steps.of(
                m -> awaiting(child),
                m -> {
                    m.resume();
                    return awaiting(child);
                },
                m -> {
                    try {
                        m.resume();
                        return "awaited twice";
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                }));
        Turns.run(loop, 1);
        assertTrue(task.result().startsWith("coroutine already awaited: "), task.result());
    }

    @Test
    void aTaskCannotAwaitItself() {
        AtomicReference<Task<String>> self = new AtomicReference<>();
        self.set(loop.createTask(Steps.of(m -> awaiting(self.get()), m -> {
            try {
                return m.resume();
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        })));
        Turns.run(loop, 1);
        assertTrue(self.get().result().startsWith("a task cannot await itself"), self.get().result());
    }

    @Test
    void aTaskCannotAwaitAFutureOfAnotherLoop() {
        try (EventLoop other = new EventLoop()) {
            AsyncFuture<String> foreign = new AsyncFuture<>(other);
            Task<String> task = loop.createTask(Steps.of(m -> awaiting(foreign), m -> {
                try {
                    return m.resume();
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }));
            Turns.run(loop, 1);
            assertTrue(task.result().contains("another event loop"), task.result());
        }
    }

    @Test
    void twoTasksCanAwaitTheSameFuture() {
        AsyncFuture<String> shared = new AsyncFuture<>(loop);
        Task<String> first = loop.createTask(Steps.of(m -> awaiting(shared), m -> "first got " + m.resume()));
        Task<String> second = loop.createTask(Steps.of(m -> awaiting(shared), m -> "second got " + m.resume()));
        Turns.run(loop, 1);
        shared.setResult("it");
        Turns.run(loop, 1);
        assertEquals("first got it", first.result());
        assertEquals("second got it", second.result());
    }

    @Test
    void theCurrentTaskIsTheOneWhoseStepIsRunning() {
        AtomicReference<Task<?>> seen = new AtomicReference<>();
        Task<String> task = loop.createTask(Steps.of(m -> {
            seen.set(loop.currentTask());
            return "x";
        }));
        assertNull(loop.currentTask());
        Turns.run(loop, 1);
        assertSame(task, seen.get());
        assertNull(loop.currentTask());
    }

    @Test
    void allTasksListsThePendingTasksInCreationOrder() {
        Task<Object> sleeper = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume));
        Task<String> quick = loop.createTask(Steps.returning("quick"));
        Task<Object> another = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume));
        assertEquals(List.of(sleeper, quick, another), loop.allTasks());
        Turns.run(loop, 1);
        assertEquals(List.of(sleeper, another), loop.allTasks());
        sleeper.cancel();
        another.cancel();
        Turns.run(loop, 1);
        assertEquals(List.of(), loop.allTasks());
    }

    @Test
    void aFailureNobodyRetrievedIsReportedWhenTheLoopCloses() {
        Reports reports = Reports.on(loop);
        IllegalArgumentException lost = new IllegalArgumentException("lost");
        Task<String> task = loop.createTask(Steps.throwing(lost));
        Turns.run(loop, 2);
        assertTrue(task.isDone());
        assertEquals(List.of(), reports.contexts());
        loop.close();
        assertEquals(1, reports.contexts().size());
        ExceptionContext context = reports.contexts().get(0);
        assertEquals("Task exception was never retrieved", context.message());
        assertSame(lost, context.exception());
        assertSame(task, context.source());
    }

    @Test
    void aRetrievedFailureIsNotReported() {
        Reports reports = Reports.on(loop);
        Task<String> byException = loop.createTask(Steps.throwing(new IllegalArgumentException("seen")));
        Task<String> byResult = loop.createTask(Steps.throwing(new IllegalArgumentException("seen")));
        Task<String> byAwait = loop.createTask(Steps.throwing(new IllegalArgumentException("seen")));
        Task<String> awaiter = loop.createTask(Steps.of(m -> awaiting(byAwait), m -> {
            try {
                return m.resume();
            } catch (IllegalArgumentException e) {
                return "caught";
            }
        }));
        Turns.run(loop, 3);
        byException.exception();
        assertThrows(IllegalArgumentException.class, byResult::result);
        assertEquals("caught", awaiter.result());
        loop.close();
        assertEquals(List.of(), reports.contexts());
    }

    @Test
    void aTaskStillPendingWhenTheLoopClosesIsReported() {
        Reports reports = Reports.on(loop);
        Task<Object> pending = loop.createTask(Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), Steps::resume));
        Turns.run(loop, 1);
        loop.close();
        assertEquals(1, reports.contexts().size());
        assertSame(pending, reports.contexts().get(0).source());
        assertTrue(reports.contexts().get(0).message().contains("pending"));
    }
}
