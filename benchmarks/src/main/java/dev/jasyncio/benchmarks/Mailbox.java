package dev.jasyncio.benchmarks;

import dev.jasyncio.tasks.AsyncFuture;

/**
 * A one-slot hand-off between two tasks of one loop, built on {@link AsyncFuture}: {@link #put}
 * completes the waiting receiver's future, or leaves the item for the next {@link #take}.
 *
 * <p>W3 uses it until jasyncio has a {@code Queue}; it has no capacity bound and no back-pressure,
 * which the ping-pong's strict alternation never needs.
 *
 * @param <T> the type of the items
 */
final class Mailbox<T> {

    private AsyncFuture<T> receiver;
    private T item;
    private boolean full;

    /** Hands {@code value} to the waiting receiver, or keeps it for the next one. */
    void put(T value) {
        AsyncFuture<T> waiting = receiver;
        if (waiting != null) {
            receiver = null;
            waiting.setResult(value);
            return;
        }
        if (full) {
            throw new IllegalStateException("the mailbox holds an item already");
        }
        item = value;
        full = true;
    }

    /** The next item: a done future if one is waiting, else a future that the next {@link #put} completes. */
    AsyncFuture<T> take() {
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
