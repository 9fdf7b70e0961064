package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;

/**
 * A {@link Semaphore} that may not be released more often than it was acquired: asyncio's
 * {@code BoundedSemaphore}. Releasing it when all of its permits are free is a bug in the caller,
 * reported at once rather than silently raising the limit.
 */
public final class BoundedSemaphore extends Semaphore {

    private final int bound;

    /**
     * A bounded semaphore with {@code permits} permits on the loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public BoundedSemaphore(int permits) {
        this(EventLoop.getRunningLoop(), permits);
    }

    /**
     * A bounded semaphore with {@code permits} permits on {@code loop}.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public BoundedSemaphore(EventLoop loop, int permits) {
        super(loop, permits);
        this.bound = permits;
    }

    /**
     * Gives a permit back.
     *
     * @throws IllegalStateException if all permits are free already
     */
    @Override
    public void release() {
        checkThread("BoundedSemaphore.release");
        if (available() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times: all " + bound
                    + " permits are free already");
        }
        super.release();
    }
}
