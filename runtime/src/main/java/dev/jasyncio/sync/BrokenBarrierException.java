package dev.jasyncio.sync;

/**
 * A task waited at a {@link Barrier} that was aborted, or was reset while the task waited:
 * asyncio's {@code BrokenBarrierError}. Unlike {@code java.util.concurrent.BrokenBarrierException}
 * it is unchecked, as every exception that comes out of an {@code await} may be.
 */
public class BrokenBarrierException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BrokenBarrierException(String message) {
        super(message);
    }
}
