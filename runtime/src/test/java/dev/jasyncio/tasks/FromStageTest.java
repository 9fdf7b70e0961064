package dev.jasyncio.tasks;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Awaiting a {@code CompletionStage}: {@link AsyncFuture#fromStage}. */
class FromStageTest {

    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor(r -> new Thread(r, "elsewhere"));

    @AfterEach
    void stopExecutor() {
        elsewhere.shutdownNow();
    }

    @Test
    void aStageCompletedOnAnotherThreadResumesTheAwaitOnTheLoopThread() {
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        AtomicReference<Thread> resumedOn = new AtomicReference<>();
        CompletableFuture<String> stage = CompletableFuture.supplyAsync(() -> {
            sleepQuietly(50);
            completedOn.set(Thread.currentThread());
            return "from elsewhere";
        }, elsewhere);
        String result = EventLoop.run(Steps.of(m -> awaiting(stage), m -> {
            resumedOn.set(Thread.currentThread());
            return m.resume();
        }));
        assertEquals("from elsewhere", result);
        assertEquals("elsewhere", completedOn.get().getName());
        assertSame(Thread.currentThread(), resumedOn.get());
    }

    @Test
    void anAlreadyCompletedStageDoesNotSuspendTheAwait() {
        List<String> log = new ArrayList<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    EventLoop.getRunningLoop().callSoon(() -> log.add("other callback"));
                    return awaiting(CompletableFuture.completedFuture("ready"));
                },
                m -> {
                    log.add("after the await");
                    return m.resume();
                }));
        assertEquals("ready", result);
        assertEquals(List.of("after the await", "other callback"), log);
    }

    @Test
    void theFutureOfACompletedStageIsDoneAtOnce() {
        AsyncFuture<?> future = EventLoop.run(Steps.of(m -> AsyncFuture.fromStage(CompletableFuture.completedFuture(1))));
        assertTrue(future.isDone());
    }

    @Test
    void aFailedStageThrowsItsCauseNotTheCompletionException() {
        IllegalArgumentException failure = new IllegalArgumentException("remote failure");
        CompletableFuture<String> stage = CompletableFuture.supplyAsync(() -> {
            sleepQuietly(20);
            throw failure;
        }, elsewhere);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(Steps.of(m -> awaiting(stage.thenApply(s -> s + "!")), Steps::resume)));
        assertSame(failure, thrown);
    }

    @Test
    void anAlreadyFailedStageThrowsItsCauseToo() {
        IllegalArgumentException failure = new IllegalArgumentException("failed before");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(Steps.of(m -> awaiting(CompletableFuture.failedFuture(failure)), Steps::resume)));
        assertSame(failure, thrown);
    }

    @Test
    void aCancelledStageCancelsTheAwait() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        elsewhere.execute(() -> {
            sleepQuietly(20);
            stage.cancel(false);
        });
        assertThrows(CancelledException.class, () -> EventLoop.run(Steps.of(m -> awaiting(stage), Steps::resume)));
    }

    @Test
    void cancellingTheFutureCancelsTheStage() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        AsyncFuture<String> future = EventLoop.run(Steps.of(m -> {
            AsyncFuture<String> f = AsyncFuture.fromStage(stage);
            f.cancel();
            return f;
        }));
        assertTrue(future.isCancelled());
        assertTrue(stage.isCancelled());
    }

    @Test
    void aStageCompletedOnTheLoopThreadCompletesTheFutureAtOnce() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        String seenAtOnce = EventLoop.run(Steps.of(m -> {
            AsyncFuture<String> future = AsyncFuture.fromStage(stage);
            stage.complete("here");
            return future.isDone() ? future.result() : "pending";
        }));
        assertEquals("here", seenAtOnce);
    }

    @Test
    void fromStageNeedsARunningLoop() {
        assertThrows(IllegalStateException.class, () -> AsyncFuture.fromStage(new CompletableFuture<>()));
    }

    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
