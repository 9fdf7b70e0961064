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

    /**
     * @param message what timed out
     * @param cause the cancellation that stopped the operation, or null
     */
    public DeadlineExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
