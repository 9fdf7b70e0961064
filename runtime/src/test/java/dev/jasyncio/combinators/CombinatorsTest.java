package dev.jasyncio.combinators;

import static dev.jasyncio.Jasyncio.ALL_COMPLETED;
import static dev.jasyncio.Jasyncio.FIRST_COMPLETED;
import static dev.jasyncio.Jasyncio.FIRST_EXCEPTION;
import static dev.jasyncio.Jasyncio.asCompleted;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.gatherReturnExceptions;
import static dev.jasyncio.Jasyncio.shield;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.waitFor;
import static dev.jasyncio.Jasyncio.waitUntil;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Outcome;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CombinatorsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final List<String> log = new ArrayList<>();

    @Test
    void waitForGivesTheValueOfAnOperationThatFinishesInTime() {
        assertEquals("fast", EventLoop.run(Steps.of(
                m -> awaiting(waitFor(after(5, "fast"), Duration.ofSeconds(10))), Steps::resume)));
    }

    @Test
    void waitForCancelsTheOperationWaitsForItToFinishCancellingThenThrows() {
        String result = EventLoop.run(Steps.of(
                m -> awaiting(waitFor(createTask(slowToCancel("worker")), Duration.ofMillis(10))),
                m -> {
                    try {
                        return m.resume();
                    } catch (DeadlineExceededException e) {
                        log.add("waitFor timed out");
                        assertInstanceOf(CancelledException.class, e.getCause());
                        return "timed out";
                    }
                }));
        assertEquals("timed out", result);
        assertEquals(List.of("worker cancelled", "worker cleaned up", "waitFor timed out"), log);
    }

    @Test
    void waitForGivesTheValueOfAnOperationThatRefusesTheCancellation() {
        String result = EventLoop.run(Steps.of(m -> awaiting(waitFor(Steps.of(n -> awaiting(sleep(LONG)), n -> {
            try {
                return n.resume();
            } catch (DeadlineExceededException e) {
                return "refused";
            }
        }), Duration.ofMillis(5))), Steps::resume));
        assertEquals("refused", result);
    }

    @Test
    void waitUntilFirstCompletedSplitsTheFuturesAndCancelsNothing() {
        List<Task<String>> tasks = new ArrayList<>();
        DoneAndPending<Task<String>> split = EventLoop.run(Steps.of(m -> {
            tasks.add(createTask(Steps.of(n -> awaiting(new AsyncFuture<String>()), Steps::resume)));
            tasks.add(createTask(after(5, "fast")));
            return awaiting(waitUntil(tasks, FIRST_COMPLETED));
        }, Steps::resume));
        assertEquals(Set.of(tasks.get(1)), split.done());
        assertEquals(Set.of(tasks.get(0)), split.pending());
        assertTrue(tasks.get(0).isCancelled(), "cancelled by EventLoop.run's clean-up, not by waitUntil");
    }

    @Test
    void waitUntilWithATimeoutReturnsWithoutThrowingAndLeavesThePendingOnesRunning() {
        AtomicReference<Boolean> slowCancelled = new AtomicReference<>();
        List<Task<String>> tasks = new ArrayList<>();
        DoneAndPending<Task<String>> split = EventLoop.run(Steps.of(m -> {
            tasks.add(createTask(after(0, "fast")));
            tasks.add(createTask(Steps.of(n -> awaiting(new AsyncFuture<String>()), Steps::resume)));
            return awaiting(waitUntil(tasks, ALL_COMPLETED, Duration.ofMillis(20)));
        }, m -> {
            DoneAndPending<Task<String>> result = m.resume();
            slowCancelled.set(tasks.get(1).isCancelled());
            return result;
        }));
        assertEquals(List.of(tasks.get(0)), List.copyOf(split.done()));
        assertEquals(List.of(tasks.get(1)), List.copyOf(split.pending()));
        assertFalse(slowCancelled.get());
    }

    @Test
    void waitUntilFirstExceptionReturnsAtTheFirstFailureButNotAtACancellation() {
        List<Task<String>> tasks = new ArrayList<>();
        DoneAndPending<Task<String>> split = EventLoop.run(Steps.of(m -> {
            Task<String> cancelled = createTask(after(500, "cancelled"));
            cancelled.cancel();
            tasks.add(cancelled);
            tasks.add(createTask(after(5, "ok")));
            tasks.add(createTask(Steps.of(n -> awaiting(sleep(20)), n -> {
                throw new IllegalStateException("failed");
            })));
            tasks.add(createTask(after(500, "slow")));
            return awaiting(waitUntil(tasks, FIRST_EXCEPTION));
        }, Steps::resume));
        assertEquals(tasks.subList(0, 3), List.copyOf(split.done()));
        assertEquals(List.of(tasks.get(3)), List.copyOf(split.pending()));
    }

    @Test
    void waitUntilRefusesNothingToWaitFor() {
        assertEquals("waitUntil needs at least one future", EventLoop.run(Steps.of(m -> {
            try {
                return waitUntil(List.<Task<String>>of(), ALL_COMPLETED);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        })));
    }

    @Test
    void asCompletedGivesTheOutcomesInCompletionOrderToALoop() {
        IllegalStateException failure = new IllegalStateException("middle failed");
        List<String> results = EventLoop.run(new Coroutine<>() {
            private final List<String> seen = new ArrayList<>();
            private Iterator<AsyncFuture<String>> next;

            @Override
            protected Object step() {
                if (label == 0) {
                    next = asCompleted(List.of(after(40, "slow"), after(5, "fast"), failAfter(20, failure))).iterator();
                }
                if (label == 1) {
                    seen.add(outcome());
                }
                label = 1;
                while (next.hasNext()) {
                    if (awaitSuspends(next.next())) {
                        return SUSPENDED;
                    }
                    // done already: on a loaded machine two timers can fire in one turn of the loop
                    seen.add(outcome());
                }
                return seen;
            }

            private String outcome() {
                try {
                    return resumeValue();
                } catch (IllegalStateException e) {
                    return "failed: " + e.getMessage();
                }
            }
        });
        assertEquals(List.of("fast", "failed: middle failed", "slow"), results);
    }

    @Test
    void asCompletedFailsTheFuturesStillPendingWhenItsTimeoutPasses() {
        List<String> results = EventLoop.run(Steps.of(m -> {
            AsyncFuture<String> never = new AsyncFuture<>();
            List<AsyncFuture<String>> inOrder = asCompleted(List.of(never, after(0, "fast")), Duration.ofMillis(300));
            return awaiting(gatherReturnExceptions(inOrder));
        }, m -> {
            List<Outcome<String>> outcomes = m.resume();
            return List.of(outcomes.get(0).value(), outcomes.get(1).exception().getClass().getSimpleName());
        }));
        assertEquals(List.of("fast", "DeadlineExceededException"), results);
    }

    @Test
    void cancellingTheTaskThatAwaitsAShieldedOperationLeavesTheOperationRunning() {
        AtomicReference<Task<String>> operation = new AtomicReference<>();
        AtomicReference<AsyncFuture<String>> gate = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(m -> {
            gate.set(new AsyncFuture<>());
            operation.set(createTask(Steps.of(n -> awaiting(gate.get()), n -> "finished anyway: " + n.resume())));
            Task<String> awaiter = createTask(Steps.of(n -> awaiting(shield(operation.get())), Steps::resume));
            return awaiting(sleep(Duration.ZERO, awaiter));
        }, m -> {
            Task<String> awaiter = m.resume();
            awaiter.cancel();
            return awaiting(sleep(Duration.ZERO, awaiter));
        }, m -> {
            Task<String> awaiter = m.resume();
            assertThrows(CancelledException.class, awaiter::result);
            assertFalse(operation.get().isDone());
            gate.get().setResult("gate opened");
            return awaiting(operation.get());
        }, Steps::resume));
        assertEquals("finished anyway: gate opened", result);
    }

    private Coroutine<String> after(long millis, String name) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            return name;
        });
    }

    private static Coroutine<String> failAfter(long millis, RuntimeException failure) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            throw failure;
        });
    }

    private Coroutine<String> slowToCancel(String name) {
        return Steps.of(n -> awaiting(sleep(LONG)), n -> {
            try {
                return n.resume();
            } catch (CancelledException e) {
                log.add(name + " cancelled");
                return awaiting(sleep(Duration.ofMillis(20)));
            }
        }, n -> {
            n.resume();
            log.add(name + " cleaned up");
            throw new CancelledException("cleaned up");
        });
    }
}
