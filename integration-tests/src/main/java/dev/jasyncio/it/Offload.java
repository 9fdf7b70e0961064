package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Blocking work handed to another thread and awaited as a {@link CompletableFuture}. */
final class Offload {

    private Offload() {}

    /** Which threads took part: the coroutine must resume on the loop's thread, not on the worker's. */
    record Handoff<T>(Thread startedOn, T result, Thread resumedOn) {}

    /**
     * Runs {@code work} on {@code pool} after a short delay, so that the future is certainly not
     * complete yet when it is awaited and the coroutine really suspends.
     */
    @Async
    static <T> Coroutine<Handoff<T>> onWorker(Supplier<T> work, Executor pool) {
        Thread startedOn = Thread.currentThread();
        Executor later = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, pool);
        T result = await(CompletableFuture.supplyAsync(work, later));
        return done(new Handoff<>(startedOn, result, Thread.currentThread()));
    }
}
