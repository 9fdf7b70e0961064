package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.currentTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.timeout;
import static dev.jasyncio.Jasyncio.timeoutAt;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Timeout scopes as a user writes them, {@code try (Timeout t = timeout(d)) { await(...); }}: each
 * machine below is what the processor makes of such a body, with the try-with-resources spread
 * over the steps (opened in one, closed in a {@code finally} of the step that resumes).
 */
@SuppressWarnings("try") // javac's lint asks for a use of every resource; a scope's use is its close
class TimeoutTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final List<String> log = new ArrayList<>();
    private final AtomicReference<Timeout> scope = new AtomicReference<>();

    @Test
    void anExpiredScopeThrowsDeadlineExceededAtTheAwaitAndItsFinallyRuns() {
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeout(Duration.ofMillis(10)));
                    return awaiting(sleep(LONG));
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        m.resume();
                        return "slept";
                    } catch (DeadlineExceededException e) {
                        assertInstanceOf(CancelledException.class, e.getCause());
                        assertEquals("the timeout expired", e.getCause().getMessage());
                        return "timed out, expired=" + scope.get().expired() + ", cancelling=" + currentTask().cancelling();
                    }
                }));
        assertEquals("timed out, expired=true, cancelling=0", result);
    }

    @Test
    void aScopeClosedInTimeIsDisarmed() {
        long start = System.nanoTime();
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeout(Duration.ofMillis(30)));
                    return awaiting(sleep(Duration.ZERO, "quick"));
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        log.add(m.resume());
                    }
                    return awaiting(sleep(Duration.ofMillis(60), "after the scope"));
                },
                m -> {
                    log.add(m.resume());
                    return "expired=" + scope.get().expired();
                }));
        assertEquals("expired=false", result);
        assertEquals(List.of("quick", "after the scope"), log);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(60).toNanos());
    }

    @Test
    void theCoroutinesAwaitedInsideTheScopeSeeTheDeadlineAndCatchExceptionCatchesIt() {
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeout(Duration.ofMillis(10)));
                    return awaiting(Steps.of(n -> awaiting(sleep(LONG)), n -> {
                        try {
                            return n.resume();
                        } catch (Exception e) {
                            log.add("inner frame saw " + e.getClass().getSimpleName());
                            throw e;
                        }
                    }));
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        return m.resume();
                    } catch (DeadlineExceededException e) {
                        return "timed out";
                    }
                }));
        assertEquals("timed out", result);
        assertEquals(List.of("inner frame saw DeadlineExceededException"), log);
    }

    @Test
    void anAwaitedTaskIsCancelledAndTheScopeWaitsForItToFinishCancelling() {
        String result = EventLoop.run(Steps.of(
                m -> {
                    Task<String> worker = createTask(Steps.of(n -> awaiting(sleep(LONG)), n -> {
                        try {
                            return n.resume();
                        } catch (CancelledException e) {
                            log.add("worker cancelled: " + e.getMessage());
                            return awaiting(sleep(Duration.ofMillis(20)));
                        }
                    }, n -> {
                        n.resume();
                        log.add("worker cleaned up");
                        throw new CancelledException("cleaned up");
                    }));
                    scope.set(timeout(Duration.ofMillis(10)));
                    return awaiting(worker);
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        return m.resume();
                    } catch (DeadlineExceededException e) {
                        log.add("scope timed out");
                        return "done";
                    }
                }));
        assertEquals("done", result);
        assertEquals(List.of("worker cancelled: the timeout expired", "worker cleaned up", "scope timed out"), log);
    }

    @Test
    void aCancellationFromOutsideWinsOverAnExpiryDeliveredAtTheSameAwait() {
        AtomicReference<Task<String>> task = new AtomicReference<>();
        Throwable[] seen = new Throwable[1];
        try (EventLoop loop = new EventLoop()) {
            task.set(loop.createTask(Steps.of(
                    m -> {
                        scope.set(timeout(Duration.ofMillis(5)));
                        return awaiting(sleep(LONG));
                    },
                    m -> {
                        try (Timeout t = scope.get()) {
                            return m.resume();
                        } catch (Throwable e) {
                            seen[0] = e;
                            throw e;
                        }
                    })));
            Turns.run(loop, 1);
            while (!scope.get().expired()) {
                Turns.run(loop, 1);
            }
            assertFalse(task.get().isDone(), "the expiry is delivered at the task's next step");
            task.get().cancel("from outside");
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(task.get()));
        }
        assertInstanceOf(CancelledException.class, seen[0]);
        assertEquals("the timeout expired", seen[0].getMessage(), "the sleep was cancelled by the expiry first");
    }

    @Test
    void whenNestedScopesExpireTogetherTheOuterOnesExpiryComesOut() {
        AtomicReference<Timeout> inner = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    long deadline = EventLoop.getRunningLoop().time() + Duration.ofMillis(10).toNanos();
                    scope.set(timeoutAt(deadline));
                    inner.set(timeoutAt(deadline));
                    return awaiting(sleep(LONG));
                },
                m -> {
                    try (Timeout outer = scope.get()) {
                        try (Timeout in = inner.get()) {
                            return m.resume();
                        }
                    } catch (DeadlineExceededException e) {
                        return "outer expired=" + scope.get().expired() + ", inner expired=" + inner.get().expired()
                                + ", cancelling=" + currentTask().cancelling();
                    }
                }));
        assertEquals("outer expired=true, inner expired=true, cancelling=0", result);
    }

    @Test
    void anOuterScopeExpiresThroughAnInnerScopeThatIsStillRunning() {
        AtomicReference<Timeout> inner = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeout(Duration.ofMillis(10)));
                    inner.set(timeout(LONG));
                    return awaiting(sleep(LONG));
                },
                m -> {
                    try (Timeout outer = scope.get()) {
                        try (Timeout in = inner.get()) {
                            return m.resume();
                        }
                    } catch (DeadlineExceededException e) {
                        return "outer expired=" + scope.get().expired() + ", inner expired=" + inner.get().expired();
                    }
                }));
        assertEquals("outer expired=true, inner expired=false", result);
    }

    @Test
    void rescheduleMovesTheDeadline() {
        long start = System.nanoTime();
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeout(Duration.ofMillis(5)));
                    EventLoop loop = EventLoop.getRunningLoop();
                    scope.get().reschedule(loop.time() + Duration.ofMillis(80).toNanos());
                    return awaiting(sleep(LONG));
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        return m.resume();
                    } catch (DeadlineExceededException e) {
                        return "timed out";
                    }
                }));
        assertEquals("timed out", result);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(80).toNanos(), "expired at the old deadline");
        assertEquals("cannot reschedule a timeout scope that expired already",
                assertThrows(IllegalStateException.class, () -> EventLoop.run(Steps.of(m -> {
                    scope.get().reschedule(Timeout.NEVER);
                    return null;
                }))).getMessage());
    }

    @Test
    void aScopeWithoutDeadlineNeverExpires() {
        String result = EventLoop.run(Steps.of(
                m -> {
                    scope.set(timeoutAt(Timeout.NEVER));
                    return awaiting(sleep(Duration.ofMillis(20), "slept"));
                },
                m -> {
                    try (Timeout t = scope.get()) {
                        assertEquals(Timeout.NEVER, t.when());
                        return m.resume();
                    }
                }));
        assertEquals("slept", result);
    }

    @Test
    void aScopeNeedsATask() {
        try (EventLoop loop = new EventLoop()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            loop.callSoon(() -> {
                try {
                    timeout(LONG);
                } catch (IllegalStateException e) {
                    thrown.set(e);
                }
            });
            Turns.run(loop, 1);
            assertTrue(thrown.get().getMessage().startsWith("a timeout scope must be opened inside a task"));
        }
    }
}
