package dev.jasyncio.tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The {@code CompletableFuture} behind {@link AsyncFuture#toCompletableFuture()}: it completes, on
 * the loop thread, when the future does, and cancelling it from any thread cancels the future on
 * the loop.
 */
final class CompletableBridge<T> extends CompletableFuture<T> {

    private final AsyncFuture<T> source;

    private CompletableBridge(AsyncFuture<T> source) {
        this.source = source;
    }

    static <T> CompletableFuture<T> of(AsyncFuture<T> source) {
        CompletableBridge<T> bridge = new CompletableBridge<>(source);
        source.addDoneCallback(bridge::copyOutcome);
        return bridge;
    }

    /** Cancels this future and, on the loop thread, its source. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            try {
                source.loop().execute(() -> source.cancel());
            } catch (RejectedExecutionException closed) {
                // The loop is closed: its future can never complete, there is nothing left to cancel.
            }
        }
        return cancelled;
    }

    /** The outcome of a done source, in CompletableFuture's terms: a cancellation is a CancellationException. */
    private void copyOutcome(AsyncFuture<T> done) {
        Throwable error = done.outcomeError();
        if (error instanceof CancelledException cancelled) {
            CancellationException cancellation = new CancellationException(cancelled.getMessage());
            cancellation.initCause(cancelled);
            completeExceptionally(cancellation);
        } else if (error != null) {
            completeExceptionally(error);
        } else {
            @SuppressWarnings("unchecked")
            T value = (T) done.outcomeValue();
            complete(value);
        }
    }
}
