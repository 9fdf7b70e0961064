package dev.jasyncio.tasks;

/**
 * The operation was cancelled: asyncio's {@code CancelledError}.
 *
 * <p>Cancelling a task delivers this exception at the await where the task is suspended, so
 * {@code finally} blocks and {@code catch} clauses run as they would for any exception. A task whose
 * coroutine lets it escape ends up cancelled rather than failed.
 */
public class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why the operation was cancelled, or null */
    public CancelledException(String message) {
        super(message);
    }

    /**
     * @param message why the operation was cancelled, or null
     * @param cause what cancelled it outside jasyncio, such as a cancelled {@code CompletableFuture}
     */
    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
