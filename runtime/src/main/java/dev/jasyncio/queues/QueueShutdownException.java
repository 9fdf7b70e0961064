package dev.jasyncio.queues;

/**
 * The queue was shut down: asyncio's {@code QueueShutDown}. Putting fails from the moment of
 * {@link Queue#shutdown()}; getting fails once the queue is empty, or at once after
 * {@link Queue#shutdown(boolean) shutdown(true)}. Tasks waiting to put or get when the queue is
 * shut down get it too.
 */
public class QueueShutdownException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public QueueShutdownException(String message) {
        super(message);
    }
}
