package dev.jasyncio.tasks;

/**
 * A timeout expired: what a {@link Timeout} scope and {@code waitFor} throw, asyncio's
 * {@code TimeoutError}.
 *
 * <p>It is an ordinary unchecked exception, unlike {@link CancelledException}: a timeout is an
 * outcome the code that set it expects and handles, and {@code catch (Exception e)} should see it.
 * It is not {@code java.util.concurrent.TimeoutException}, which is checked: javac would refuse a
 * {@code catch} of it around an {@code await}, which declares nothing. Its cause is the
 * cancellation the timeout used to stop the operation.
 */
public class DeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The scope whose expiry this is, or null; not serialized, as it only matters while in flight. */
    private final transient Timeout scope;

    /**
     * @param message what timed out
     * @param cause the cancellation that stopped the operation, or null
     */
    public DeadlineExceededException(String message, Throwable cause) {
        this(message, cause, null);
    }

    DeadlineExceededException(String message, Throwable cause, Timeout scope) {
        super(message, cause);
        this.scope = scope;
    }

    /**
     * Whether this is the expiry of a {@link Timeout} scope that is still open: the exception is
     * on its way out of a scope around the code that sees it, the way a cancellation travels, rather
     * than the failure of an operation that code started. A {@code TaskGroup} passes such an
     * exception on as is, as it does a cancellation from outside.
     */
    public boolean scopeIsOpen() {
        return scope != null && !scope.isClosed();
    }
}
