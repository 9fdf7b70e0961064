package dev.jasyncio.benchmarks;

import dev.jasyncio.queues.Queue;
import dev.jasyncio.tasks.Awaitable;

/** A {@link Channel} over jasyncio's {@code Queue} of one slot: the way a user passes messages. */
final class QueueChannel<T> implements Channel<T> {

    private final Queue<T> queue = new Queue<>(1);

    @Override
    public Awaitable<Void> send(T item) {
        return queue.put(item);
    }

    @Override
    public Awaitable<T> receive() {
        return queue.get();
    }
}
