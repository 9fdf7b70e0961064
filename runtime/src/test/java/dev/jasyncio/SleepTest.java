package dev.jasyncio;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SleepTest {

    private final List<String> log = new ArrayList<>();

    /** The same scenario in asyncio prints ['cb', 'a1', 'cb2', 'main', 'a2']. */
    @Test
    void sleepZeroYieldsToTheLoopExactlyOnce() {
        AtomicReference<Task<Void>> a = new AtomicReference<>();
        EventLoop.run(Steps.of(
                m -> {
                    EventLoop loop = EventLoop.getRunningLoop();
                    loop.callSoon(() -> log.add("cb"));
                    a.set(createTask(Steps.of(n -> {
                        log.add("a1");
                        return awaiting(sleep(0));
                    }, n -> {
                        n.resume();
                        log.add("a2");
                        return null;
                    })));
                    loop.callSoon(() -> log.add("cb2"));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    log.add("main");
                    return awaiting(a.get());
                },
                Steps::resume));
        assertEquals(List.of("cb", "a1", "cb2", "main", "a2"), log);
    }

    @Test
    void sleepZeroIsOneSharedAwaitable() {
        assertSame(sleep(0), sleep(Duration.ZERO));
        assertSame(sleep(0), sleep(-5));
    }

    @Test
    void sleepZeroRefusesEverythingButBeingAwaited() {
        AsyncFuture<?> yielding = (AsyncFuture<?>) sleep(0);
        assertThrows(UnsupportedOperationException.class, yielding::cancel);
        assertThrows(UnsupportedOperationException.class, () -> yielding.addDoneCallback(f -> {}));
    }

    @Test
    void sleepersWakeUpInTheOrderOfTheirDeadlines() {
        long start = System.nanoTime();
        EventLoop.run(Steps.of(
                m -> awaiting(Jasyncio.gather(sleeper(60), sleeper(20), sleeper(40))),
                Steps::resume));
        long elapsed = System.nanoTime() - start;
        assertEquals(List.of("20", "40", "60"), log);
        assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(60), "woke up too early: " + elapsed);
    }

    @Test
    void sleepGivesItsResult() {
        assertEquals("later", EventLoop.run(Steps.of(m -> awaiting(sleep(Duration.ofMillis(5), "later")), Steps::resume)));
        assertEquals("now", EventLoop.run(Steps.of(m -> awaiting(sleep(Duration.ZERO, "now")), Steps::resume)));
    }

    @Test
    void cancellingASleepWakesItsAwaiterWithCancelledException() {
        long start = System.nanoTime();
        String result = EventLoop.run(Steps.of(m -> {
            AsyncFuture<?> nap = (AsyncFuture<?>) sleep(Duration.ofSeconds(30));
            EventLoop.getRunningLoop().callSoon(nap::cancel);
            return awaiting(nap);
        }, m -> {
            try {
                m.resume();
                return "slept";
            } catch (CancelledException e) {
                return "cancelled";
            }
        }));
        assertEquals("cancelled", result);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the sleep ran its course");
    }

    /**
     * Like asyncio's {@code sleep}, a coroutine, the delay runs from the await: {@code later} is
     * created at 0 ms and awaited at 40 ms, so it ends at 80 ms, after the 60 ms sleeper.
     */
    @Test
    void aSleepStartsWhenItIsAwaitedNotWhenItIsCreated() {
        AtomicReference<Awaitable<Void>> later = new AtomicReference<>();
        AtomicReference<Task<String>> other = new AtomicReference<>();
        EventLoop.run(Steps.of(
                m -> {
                    other.set(createTask(sleeper(60)));
                    later.set(sleep(40));
                    return awaiting(sleep(40));
                },
                m -> {
                    m.resume();
                    return awaiting(later.get());
                },
                m -> {
                    m.resume();
                    log.add("40 + 40");
                    return awaiting(other.get());
                },
                Steps::resume));
        assertEquals(List.of("60", "40 + 40"), log);
    }

    @Test
    void aSleepAwaitedTwiceFailsAsACoroutineDoes() {
        AtomicReference<Awaitable<Void>> nap = new AtomicReference<>();
        Object second = EventLoop.run(Steps.of(
                m -> {
                    nap.set(sleep(1));
                    return awaiting(nap.get());
                },
                m -> {
                    m.resume();
                    return awaiting(nap.get());
                },
                Steps::resumeOrThrown));
        assertInstanceOf(IllegalStateException.class, second);
        assertEquals("this sleep was awaited already, and a sleep runs only once; call sleep(...) again for a new one",
                ((Throwable) second).getMessage());
    }

    /**
     * A sleeping task waits in the timer heap itself; cancelled, it must leave the heap, or its old
     * 20 ms deadline would wake it from the 30 s sleep it went into after catching the cancellation.
     */
    @Test
    void aSleepingTaskCancelledIsNotWokenLaterByItsOldDeadline() {
        AtomicReference<Task<String>> sleeper = new AtomicReference<>();
        Object end = EventLoop.run(Steps.of(
                m -> {
                    sleeper.set(createTask(Steps.of(
                            n -> awaiting(sleep(20)),
                            n -> {
                                assertInstanceOf(CancelledException.class, n.resumeOrThrown());
                                log.add("cancelled");
                                return awaiting(sleep(Duration.ofSeconds(30)));
                            },
                            n -> {
                                n.resume();
                                log.add("woke");
                                return "woke";
                            })));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    sleeper.get().cancel();
                    return awaiting(sleep(100));
                },
                m -> {
                    m.resume();
                    log.add(sleeper.get().isDone() ? "done" : "pending");
                    sleeper.get().cancel();
                    return awaiting(sleeper.get());
                },
                Steps::resumeOrThrown));
        assertInstanceOf(CancelledException.class, end);
        assertEquals(List.of("cancelled", "pending"), log);
    }

    /** The order of the wake-ups is TimerQueueTest's business: here the deadlines depend on the machine's pace. */
    @Test
    void sleepersCancelledWhileAsleepNeverWakeAndTheOthersAllDo() {
        List<Task<String>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        EventLoop.run(Steps.of(
                m -> {
                    for (int delay = 1; delay <= 60; delay++) {
                        tasks.add(createTask(sleeper(delay)));
                    }
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    for (int i = 0; i < tasks.size(); i++) {
                        if (i % 3 == 0) {
                            tasks.get(i).cancel();
                        } else {
                            expected.add(String.valueOf(i + 1));
                        }
                    }
                    return awaiting(Jasyncio.gatherReturnExceptions(tasks));
                },
                Steps::resume));
        assertEquals(Set.copyOf(expected), Set.copyOf(log));
        assertEquals(expected.size(), log.size());
        for (int i = 0; i < tasks.size(); i++) {
            assertEquals(i % 3 == 0, tasks.get(i).isCancelled());
        }
    }

    @Test
    void aPositiveSleepNeedsARunningLoop() {
        assertThrows(IllegalStateException.class, () -> sleep(10));
    }

    private Coroutine<String> sleeper(long millis) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            log.add(String.valueOf(millis));
            return null;
        });
    }
}
