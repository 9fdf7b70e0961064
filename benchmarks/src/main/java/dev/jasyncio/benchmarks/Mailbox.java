package dev.jasyncio.benchmarks;

import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;

/**
 * A one-slot hand-off between two tasks of one loop, built on {@link AsyncFuture}: {@link #send}
 * completes the waiting receiver's future, or leaves the item for the next {@link #receive}.
 *
 * <p>{@code PingPongBenchmark} runs W3 through it as well as through {@code Queue}, to tell the cost of
 * the runtime's hop (complete a future, resume the task) from the queue's bookkeeping. It has no
 * capacity bound, no back-pressure and no cancellation, which the ping-pong's strict alternation
 * never needs.
 *
 * @param <T> the type of the items
 */
final class Mailbox<T> implements Channel<T> {

    /** What every send gives: a send never waits. */
    private final AsyncFuture<Void> sent = new AsyncFuture<>();

    private AsyncFuture<T> receiver;
    private T item;
    private boolean full;

    Mailbox() {
        sent.setResult(null);
    }

    /** Hands {@code value} to the waiting receiver, or keeps it for the next one. */
    @Override
    public Awaitable<Void> send(T value) {
        AsyncFuture<T> waiting = receiver;
        if (waiting != null) {
            receiver = null;
            waiting.setResult(value);
            return sent;
        }
        if (full) {
            throw new IllegalStateException("the mailbox holds an item already");
        }
        item = value;
        full = true;
        return sent;
    }

    /** The next item: a done future if one is waiting, else a future that the next {@link #send} completes. */
    @Override
    public AsyncFuture<T> receive() {
        AsyncFuture<T> future = new AsyncFuture<>();
        if (full) {
            T value = item;
            item = null;
            full = false;
            future.setResult(value);
        } else {
            receiver = future;
        }
        return future;
    }
}
