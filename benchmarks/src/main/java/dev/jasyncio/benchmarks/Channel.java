package dev.jasyncio.benchmarks;

import dev.jasyncio.tasks.Awaitable;

/**
 * One direction of W3's ping-pong, so that the same blueprints run over a {@code Queue}
 * ({@link QueueChannel}) and over a bare future hand-off ({@link Mailbox}).
 *
 * @param <T> the type of the messages
 */
interface Channel<T> {

    /** Sends {@code item}; awaiting the result waits while the channel is full. */
    Awaitable<Void> send(T item);

    /** The next item; awaiting it waits until one is sent. */
    Awaitable<T> receive();
}
