package dev.jasyncio.loop;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.Jasyncio;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Steps;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work crossing between the loop thread and other threads. */
class EventLoopThreadsTest {

    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor(r -> new Thread(r, "elsewhere"));
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopExecutor() {
        elsewhere.shutdownNow();
    }

    @Test
    void toThreadRunsABlockingCallOnADaemonThreadAndResumesOnTheLoopThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        String result = EventLoop.run(Steps.<String>of(
                m -> awaiting(Jasyncio.toThread(() -> {
                    ranOn.set(Thread.currentThread());
                    Thread.sleep(20);
                    return "blocking result";
                })),
                m -> {
                    log.add("resumed on the loop thread: " + (Thread.currentThread() != ranOn.get()));
                    return m.resume();
                }));
        assertEquals("blocking result", result);
        assertTrue(ranOn.get().isDaemon());
        assertTrue(ranOn.get().getName().startsWith("jasyncio-executor-"), ranOn.get().getName());
        assertEquals(List.of("resumed on the loop thread: true"), log);
    }

    @Test
    void theLoopRunsOtherWorkWhileABlockingCallRuns() {
        CountDownLatch otherWorkRan = new CountDownLatch(1);
        EventLoop.run(Steps.of(
                m -> {
                    EventLoop.getRunningLoop().callLater(Duration.ofMillis(10), otherWorkRan::countDown);
                    // the blocking call waits for a timer of the loop: it would deadlock a blocked loop
                    return awaiting(Jasyncio.toThread(() -> otherWorkRan.await(10, TimeUnit.SECONDS)));
                },
                m -> {
                    assertTrue(m.<Boolean>resume());
                    return null;
                }));
    }

    @Test
    void aBlockingCallsExceptionReachesTheAwaitAsIs() {
        IOException failure = new IOException("disk on fire");
        Object outcome = EventLoop.run(Steps.of(
                m -> awaiting(EventLoop.getRunningLoop().runInExecutor(elsewhere, () -> {
                    throw failure;
                })),
                m -> m.resumeOrThrown()));
        assertSame(failure, outcome);
    }

    @Test
    void aCallCancelledBeforeItStartsNeverRuns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        elsewhere.execute(() -> awaitQuietly(release));
        EventLoop.run(Steps.of(m -> {
            AsyncFuture<String> queued = EventLoop.getRunningLoop().runInExecutor(elsewhere, () -> {
                log.add("ran");
                return "ran";
            });
            queued.cancel();
            release.countDown();
            return null;
        }));
        elsewhere.shutdown();
        assertTrue(elsewhere.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(List.of(), log);
    }

    @Test
    void runWaitsForTheDefaultExecutorAndCloseShutsItDown() throws InterruptedException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        EventLoop.run(Steps.of(m -> {
            // started and not awaited: run still waits for it before closing the loop, as asyncio.run does
            EventLoop.getRunningLoop().runInExecutor(null, () -> {
                worker.set(Thread.currentThread());
                Thread.sleep(50);
                log.add("blocking call finished");
                return null;
            });
            return null;
        }));
        assertEquals(List.of("blocking call finished"), log);
        worker.get().join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(worker.get().isAlive(), "the default executor's thread outlived the loop");
    }

    @Test
    void runCoroutineThreadsafeRunsTheCoroutineOnTheLoopAndCompletesTheFuture() throws Exception {
        EventLoop loop = new EventLoop();
        CompletableFuture<CompletableFuture<String>> submitted = CompletableFuture.supplyAsync(
                () -> loop.runCoroutineThreadsafe(Steps.<String>of(
                        m -> awaiting(Jasyncio.sleep(Duration.ofMillis(5))),
                        m -> "ran on " + Thread.currentThread().getName())),
                elsewhere);
        CompletableFuture<String> result = submitted.get(5, TimeUnit.SECONDS);
        result.whenComplete((value, error) -> loop.callSoonThreadsafe(loop::stop));
        loop.runForever();
        loop.close();
        assertEquals("ran on " + Thread.currentThread().getName(), result.get());
    }

    @Test
    void cancellingTheFutureOfRunCoroutineThreadsafeCancelsTheTask() throws Exception {
        EventLoop loop = new EventLoop();
        CompletableFuture<Object> result = loop.runCoroutineThreadsafe(Steps.of(
                m -> awaiting(Jasyncio.sleep(Duration.ofSeconds(30))),
                m -> {
                    try {
                        return m.resume();
                    } catch (CancelledException e) {
                        log.add("cancelled at the await");
                        throw e;
                    }
                }));
        loop.callLater(Duration.ofMillis(10), () -> elsewhere.execute(() -> result.cancel(false)));
        loop.callLater(Duration.ofMillis(200), loop::stop);
        loop.runForever();
        List<Task<?>> pending = loop.allTasks();
        loop.close();
        assertTrue(result.isCancelled());
        assertEquals(List.of("cancelled at the await"), log);
        assertEquals(List.of(), pending);
    }

    @Test
    void runCoroutineThreadsafeReportsACoroutineThatCannotStartThroughItsFuture() throws Exception {
        EventLoop loop = new EventLoop();
        Steps<String> coroutine = Steps.returning("once");
        CompletableFuture<String> first = loop.runCoroutineThreadsafe(coroutine);
        CompletableFuture<String> second = loop.runCoroutineThreadsafe(coroutine);
        CompletableFuture.allOf(first, second).whenComplete((value, error) -> loop.callSoonThreadsafe(loop::stop));
        loop.callLater(Duration.ofSeconds(10), loop::stop); // a future never completed fails below instead of hanging
        loop.runForever();
        loop.close();
        assertEquals("once", first.getNow("not done"));
        assertTrue(second.isDone(), "the refusal never reached the future");
        ExecutionException refused = assertThrows(ExecutionException.class, second::get);
        assertInstanceOf(IllegalStateException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().startsWith("coroutine already awaited"), refused.getCause().getMessage());
    }

    @Test
    void aTaskAsACompletableFutureCarriesItsOutcome() throws Exception {
        IllegalStateException failure = new IllegalStateException("boom");
        List<CompletableFuture<?>> futures = new ArrayList<>();
        EventLoop.run(Steps.of(
                m -> {
                    Task<String> succeeding = Jasyncio.createTask(Steps.of(s -> "value"));
                    Task<String> failing = Jasyncio.createTask(Steps.throwing(failure));
                    Task<String> cancelled = Jasyncio.createTask(Steps.of(
                            s -> awaiting(Jasyncio.sleep(Duration.ofSeconds(30)))));
                    futures.add(succeeding.toCompletableFuture());
                    futures.add(failing.toCompletableFuture());
                    futures.add(cancelled.toCompletableFuture());
                    cancelled.cancel("enough");
                    return awaiting(Jasyncio.gatherReturnExceptions(succeeding, failing, cancelled));
                },
                m -> m.resume()));
        assertEquals("value", futures.get(0).get());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> futures.get(1).get());
        assertSame(failure, failed.getCause());
        assertTrue(futures.get(2).isCancelled());
        // handle sees the exception as stored; join and get wrap it differently from one JDK to another
        Throwable stored = futures.get(2).handle((value, error) -> error).join();
        CancellationException cancellation = assertInstanceOf(CancellationException.class, stored);
        assertEquals("enough", cancellation.getMessage());
        assertInstanceOf(CancelledException.class, cancellation.getCause());
    }

    @Test
    void cancellingTheCompletableFutureOfAFutureCancelsItOnTheLoop() {
        Object outcome = EventLoop.run(Steps.of(
                m -> {
                    AsyncFuture<String> future = new AsyncFuture<>();
                    CompletableFuture<String> view = future.toCompletableFuture();
                    elsewhere.execute(() -> view.cancel(true));
                    return awaiting(future);
                },
                m -> m.resumeOrThrown()));
        assertInstanceOf(CancelledException.class, outcome);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
