package dev.jasyncio.loop;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Reports;
import dev.jasyncio.testing.Steps;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link EventLoop#run}: asyncio.run. */
class EventLoopRunTest {

    @Test
    void returnsTheResultOfTheMainCoroutine() {
        String result = EventLoop.run(Steps.of(
                m -> awaiting(sleep(Duration.ofMillis(5), "slept")),
                m -> m.<String>resume() + " well"));
        assertEquals("slept well", result);
    }

    @Test
    void rethrowsTheExceptionOfTheMainCoroutineAsIs() {
        IllegalArgumentException failure = new IllegalArgumentException("main failed");
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> EventLoop.run(Steps.throwing(failure)));
        assertSame(failure, thrown);
    }

    @Test
    void rethrowsACheckedExceptionWithoutWrappingIt() {
        IOException failure = new IOException("disk gone");
        try {
            EventLoop.run(Steps.of(m -> awaiting(sleep(0)), m -> {
                m.resume();
                throw failure;
            }));
            fail("run returned normally");
        } catch (Exception thrown) {
            assertSame(failure, thrown);
        }
    }

    @Test
    void cancelsLeftoverTasksAtTheirSuspensionPointSoTheirFinallyBlocksRun() {
        List<String> log = new ArrayList<>();
        AtomicReference<Task<String>> leftover = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    leftover.set(createTask(Steps.of(
                            n -> awaiting(sleep(Duration.ofSeconds(30))),
                            n -> {
                                try {
                                    n.resume();
                                    return "woke up";
                                } catch (CancelledException e) {
                                    log.add("cancelled at the await");
                                    throw e;
                                } finally {
                                    log.add("finally");
                                }
                            })));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    return "main done";
                }));
        assertEquals("main done", result);
        assertEquals(List.of("cancelled at the await", "finally"), log);
        assertTrue(leftover.get().isCancelled());
    }

    @Test
    void reportsALeftoverTaskThatFailsWhileBeingCancelled() {
        AtomicReference<Reports> reports = new AtomicReference<>();
        IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
        EventLoop.run(Steps.of(
                m -> {
                    reports.set(Reports.on(EventLoop.getRunningLoop()));
                    createTask(Steps.of(
                            n -> awaiting(sleep(Duration.ofSeconds(30))),
                            n -> {
                                try {
                                    return n.resume();
                                } catch (CancelledException e) {
                                    throw cleanupFailure;
                                }
                            }));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    return null;
                }));
        List<ExceptionContext> contexts = reports.get().contexts();
        assertEquals(1, contexts.size(), contexts::toString);
        assertEquals("unhandled exception during EventLoop.run() shutdown", contexts.get(0).message());
        assertSame(cleanupFailure, contexts.get(0).exception());
    }

    @Test
    void refusesToRunInsideARunningLoop() {
        String message = EventLoop.run(Steps.of(m -> {
            try {
                EventLoop.run(Steps.returning("nested"));
                return "nested run allowed";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        assertTrue(message.contains("EventLoop.run cannot be called while an event loop is running"), message);
    }

    @Test
    void closesTheLoopAndForgetsItAfterwards() {
        AtomicReference<EventLoop> used = new AtomicReference<>();
        EventLoop.run(Steps.of(m -> {
            used.set(EventLoop.getRunningLoop());
            return null;
        }));
        assertTrue(used.get().isClosed());
        assertThrows(IllegalStateException.class, EventLoop::getRunningLoop);
    }

    @Test
    void waitsForLeftoverTasksThatTakeSeveralTurnsToFinishCancelling() {
        List<String> log = new ArrayList<>();
        AtomicReference<Task<String>> leftover = new AtomicReference<>();
        EventLoop.run(Steps.of(
                m -> {
                    leftover.set(createTask(Steps.of(
                            n -> awaiting(sleep(Duration.ofSeconds(30))),
                            n -> {
                                try {
                                    return n.resume();
                                } catch (CancelledException e) {
                                    log.add("cleaning up");
                                    return awaiting(sleep(Duration.ofMillis(20)));
                                }
                            },
                            n -> {
                                n.resume();
                                log.add("cleaned up");
                                return "finished after all";
                            })));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    return null;
                }));
        assertEquals(List.of("cleaning up", "cleaned up"), log);
        assertEquals("finished after all", leftover.get().result());
    }
}
