package dev.jasyncio.queues;

/**
 * {@link Queue#putNow} found the queue full: asyncio's {@code QueueFull}. It is an
 * {@link IllegalStateException}, what {@code java.util.Queue.add} throws in the same case.
 */
public class QueueFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
