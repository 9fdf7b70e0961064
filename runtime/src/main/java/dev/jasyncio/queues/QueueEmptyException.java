package dev.jasyncio.queues;

import java.util.NoSuchElementException;

/**
 * {@link Queue#getNow()} found the queue empty: asyncio's {@code QueueEmpty}. It is a
 * {@link NoSuchElementException}, what {@code java.util.Queue.remove()} throws in the same case.
 */
public class QueueEmptyException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    public QueueEmptyException(String message) {
        super(message);
    }
}
