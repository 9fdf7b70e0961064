package dev.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jasyncio.testing.LogRecords;
import dev.jasyncio.testing.Reports;
import dev.jasyncio.testing.Turns;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    private final EventLoop loop = new EventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void callSoonRunsCallbacksInFifoOrder() {
        for (int i = 0; i < 5; i++) {
            String name = "cb" + i;
            loop.callSoon(() -> log.add(name));
        }
        Turns.run(loop, 1);
        assertEquals(List.of("cb0", "cb1", "cb2", "cb3", "cb4"), log);
    }

    @Test
    void aTurnRunsOnlyTheCallbacksThatWereReadyWhenItBegan() {
        loop.callSoon(() -> {
            log.add("first");
            loop.callSoon(() -> log.add("scheduled by first"));
        });
        loop.callSoon(() -> log.add("second"));
        Turns.run(loop, 1);
        assertEquals(List.of("first", "second"), log);
        Turns.run(loop, 1);
        assertEquals(List.of("first", "second", "scheduled by first"), log);
    }

    @Test
    void timersRunByDeadlineAndInSchedulingOrderForEqualDeadlines() {
        long now = loop.time();
        long soon = now + TimeUnit.MILLISECONDS.toNanos(20);
        loop.callAt(now + TimeUnit.MILLISECONDS.toNanos(60), () -> {
            log.add("late");
            loop.stop();
        });
        loop.callAt(soon, () -> log.add("soon-1"));
        // callAt, not callLater: a deadline taken from a later clock reading could pass "late" on a loaded machine
        loop.callAt(now + TimeUnit.MILLISECONDS.toNanos(40), () -> log.add("middle"));
        loop.callAt(soon, () -> log.add("soon-2"));
        loop.callAt(soon, () -> log.add("soon-3"));
        loop.callAt(now - 1, () -> log.add("past"));
        loop.runForever();
        assertEquals(List.of("past", "soon-1", "soon-2", "soon-3", "middle", "late"), log);
        assertTrue(loop.time() - now >= TimeUnit.MILLISECONDS.toNanos(60), "ran the last timer too early");
    }

    @Test
    void cancelledHandlesDoNotRun() {
        Handle soon = loop.callSoon(() -> log.add("soon"));
        TimerHandle timer = loop.callLater(Duration.ofMillis(10), () -> log.add("timer"));
        loop.callLater(Duration.ofMillis(30), loop::stop);
        soon.cancel();
        timer.cancel();
        loop.runForever();
        assertTrue(soon.isCancelled());
        assertTrue(timer.isCancelled());
        assertEquals(List.of(), log);
    }

    @Test
    void callSoonThreadsafeWakesALoopThatIsWaitingInSelect() throws InterruptedException {
        loop.callLater(Duration.ofSeconds(20), loop::stop);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread other = new Thread(() -> {
            sleepQuietly(100);
            loop.callSoonThreadsafe(() -> {
                ranOn.set(Thread.currentThread());
                loop.stop();
            });
        });
        long start = System.nanoTime();
        other.start();
        loop.runForever();
        long elapsed = System.nanoTime() - start;
        other.join();
        assertSame(Thread.currentThread(), ranOn.get());
        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(5), "the loop slept through the wake-up: " + elapsed + " ns");
    }

    @Test
    void executeFromAnotherThreadRunsOnTheLoopThread() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread other = new Thread(() -> loop.execute(() -> {
            ranOn.set(Thread.currentThread());
            loop.stop();
        }));
        other.start();
        other.join();
        loop.runForever();
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void anIdleLoopWaitsInSelectInsteadOfSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported());
        Turns.run(loop, 1);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        loop.callLater(Duration.ofMillis(300), loop::stop);
        loop.runForever();
        double cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        double wall = System.nanoTime() - wallBefore;
        assertTrue(wall >= TimeUnit.MILLISECONDS.toNanos(300));
        assertTrue(cpu / wall < 0.3, "the loop thread was busy " + (100 * cpu / wall) + "% of the time");
    }

    @Test
    void anExceptionInACallbackIsReportedAndTheLoopGoesOn() {
        Reports reports = Reports.on(loop);
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Handle failing = loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> log.add("after"));
        Turns.run(loop, 1);
        assertEquals(List.of("after"), log);
        assertEquals(1, reports.contexts().size());
        ExceptionContext context = reports.contexts().get(0);
        assertSame(boom, context.exception());
        assertSame(failing, context.source());
        assertTrue(context.message().startsWith("Exception in callback"), context.message());
    }

    @Test
    void theDefaultHandlerLogsTheMessageAndTheExceptionThroughSystemLogger() {
        IllegalStateException printed = new IllegalStateException("printed");
        try (LogRecords logged = LogRecords.capture()) {
            Runnable failing = () -> {
                throw printed;
            };
            loop.callSoon(failing);
            Turns.run(loop, 1);
            assertEquals(1, logged.records().size());
            LogRecord record = logged.records().get(0);
            assertEquals(Level.SEVERE, record.getLevel());
            assertTrue(record.getMessage().startsWith("Exception in callback Handle["), record.getMessage());
            assertTrue(record.getMessage().contains("\n  in: Handle["), record.getMessage());
            assertSame(printed, record.getThrown());
        }
    }

    @Test
    void aFailingExceptionHandlerFallsBackToTheDefaultOne() {
        IllegalArgumentException original = new IllegalArgumentException("original");
        IllegalStateException broke = new IllegalStateException("handler broke");
        try (LogRecords logged = LogRecords.capture()) {
            loop.setExceptionHandler((l, context) -> {
                throw broke;
            });
            loop.callSoon(() -> {
                throw original;
            });
            loop.callSoon(() -> log.add("still running"));
            Turns.run(loop, 1);
            assertEquals(2, logged.records().size());
            assertSame(original, logged.records().get(0).getThrown());
            assertTrue(logged.records().get(1).getMessage().startsWith("Unhandled error in exception handler"));
            assertSame(broke, logged.records().get(1).getThrown());
        }
        assertEquals(List.of("still running"), log);
    }

    @Test
    void loopAffineMethodsRefuseOtherThreadsAndNameTheThreadSafeAlternative() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                loop.callSoon(() -> {});
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "intruder");
        other.start();
        other.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        String message = thrown.get().getMessage();
        assertTrue(message.contains("EventLoop.callSoon"), message);
        assertTrue(message.contains("intruder"), message);
        assertTrue(message.contains("callSoonThreadsafe"), message);
    }

    @Test
    void aLoopBelongsToTheThreadThatRunsIt() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.callSoon(started::countDown);
        Thread runner = new Thread(loop::runForever, "runner");
        runner.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> {}));
        loop.callSoonThreadsafe(() -> {
            ranOn.set(Thread.currentThread());
            loop.stop();
        });
        runner.join(5_000);
        assertSame(runner, ranOn.get());
        assertFalse(loop.isRunning());
    }

    @Test
    void stopBeforeRunningMakesTheNextRunDoOneTurn() {
        loop.callSoon(() -> {
            log.add("turn 1");
            loop.callSoon(() -> log.add("turn 2"));
        });
        loop.stop();
        loop.runForever();
        assertEquals(List.of("turn 1"), log);
        assertFalse(loop.isRunning());
    }

    @Test
    void aRunningLoopCannotBeRunAgainOrClosed() {
        AtomicReference<Throwable> rerun = new AtomicReference<>();
        AtomicReference<Throwable> close = new AtomicReference<>();
        AtomicReference<Boolean> running = new AtomicReference<>();
        loop.callSoon(() -> {
            running.set(loop.isRunning());
            rerun.set(assertThrows(IllegalStateException.class, loop::runForever));
            close.set(assertThrows(IllegalStateException.class, loop::close));
        });
        Turns.run(loop, 1);
        assertTrue(running.get());
        assertTrue(rerun.get().getMessage().contains("running"), rerun.get().getMessage());
        assertTrue(close.get().getMessage().contains("running"), close.get().getMessage());
    }

    @Test
    void aClosedLoopRefusesWork() {
        loop.close();
        assertTrue(loop.isClosed());
        loop.close();
        assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> {}));
        assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> {}));
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> {}));
        assertThrows(IllegalStateException.class, loop::runForever);
    }

    @Test
    void theRunningLoopIsKnownOnItsThreadOnlyWhileItRuns() {
        assertThrows(IllegalStateException.class, EventLoop::getRunningLoop);
        AtomicReference<EventLoop> seen = new AtomicReference<>();
        loop.callSoon(() -> seen.set(EventLoop.getRunningLoop()));
        Turns.run(loop, 1);
        assertSame(loop, seen.get());
        assertThrows(IllegalStateException.class, EventLoop::getRunningLoop);
    }

    @Test
    void anotherLoopCannotRunOnAThreadWhereOneRuns() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (EventLoop other = new EventLoop()) {
            loop.callSoon(() -> thrown.set(assertThrows(IllegalStateException.class, other::runForever)));
            Turns.run(loop, 1);
        }
        assertTrue(thrown.get().getMessage().contains("another"), thrown.get().getMessage());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
