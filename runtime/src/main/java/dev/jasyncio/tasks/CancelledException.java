package dev.jasyncio.tasks;

/**
 * The operation was cancelled: asyncio's {@code CancelledError}.
 *
 * <p>Cancelling a task delivers this exception at the await where the task is suspended, so
 * {@code finally} blocks and try-with-resources run as they would for any exception. A task whose
 * coroutine lets it escape ends up cancelled rather than failed; one that catches it may go on.
 *
 * <h2>Why it is an {@link Error}</h2>
 * A cancellation is a request from outside to stop, not a failure of the code it passes through,
 * and it must reach the task to end it. A plain {@code catch (Exception e)} (or
 * {@code catch (RuntimeException e)}), written to handle failures, would swallow it if this were an
 * exception, and the task would carry on as if nothing was asked of it. So it extends {@code Error},
 * as Java's own {@code ThreadDeath} does and for the reason Python made {@code CancelledError} a
 * {@code BaseException}: only code that names it, or catches every {@code Throwable}, sees it.
 * Code that does catch it should clean up and rethrow it, unless it means to refuse the
 * cancellation.
 */
public class CancelledException extends Error {

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
