package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The future behind {@link AsyncFuture#fromStage}: a {@code CompletionStage} may complete on any
 * thread, so its outcome crosses to the loop thread before it completes this future.
 */
final class StageFuture<T> extends AsyncFuture<T> implements BiConsumer<T, Throwable> {

    /** The stage as a CompletableFuture, for cancelling it; null if the stage does not offer one. */
    private final CompletableFuture<T> source;

    StageFuture(EventLoop loop, CompletableFuture<T> source) {
        super(loop);
        this.source = source;
    }

    /** {@code stage.toCompletableFuture()}, or null for stages that do not support it. */
    static <T> CompletableFuture<T> completableOf(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** The stage completed, on whatever thread: settle now if that is the loop thread, else hop there. */
    @Override
    public void accept(T value, Throwable error) {
        Outcome<T> outcome = Outcome.ofCompletion(value, error);
        if (loop().inLoopThread()) {
            settleUnlessDone(outcome);
        } else {
            loop().execute(() -> settleUnlessDone(outcome));
        }
    }

    @Override
    public boolean cancel(String message) {
        if (!super.cancel(message)) {
            return false;
        }
        if (source != null) {
            source.cancel(false);
        }
        return true;
    }

    private void settleUnlessDone(Outcome<T> outcome) {
        if (!isDone()) {
            settle(outcome);
        }
    }
}
