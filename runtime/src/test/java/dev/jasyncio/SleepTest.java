package dev.jasyncio;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
