package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Awaitable;

/**
 * A counter of permits for tasks on one event loop: asyncio's {@code Semaphore}. {@link #acquire()}
 * takes a permit, waiting while there is none; {@link #release()} gives one back.
 *
 * <p>Fair: a released permit goes straight to the task that has waited longest, so a task that asks
 * later queues behind the waiters even if it asks before they resume. A waiter cancelled while it
 * waits leaves the line; one cancelled after a permit was passed to it but before it resumed passes
 * the permit on. {@link BoundedSemaphore} also refuses to be released more often than acquired.
 *
 * <pre>{@code
 * try (Held permit = await(semaphore.acquire())) {
 *     await(download(url));                 // at most N downloads at a time
 * }
 * }</pre>
 *
 * <p>Loop-affine: use it only on its loop's thread.
 */
public sealed class Semaphore permits BoundedSemaphore {

    private final Permits permits;

    /**
     * A semaphore with {@code permits} permits on the loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        this(EventLoop.getRunningLoop(), permits);
    }

    /**
     * A semaphore with {@code permits} permits on {@code loop}.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(EventLoop loop, int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("a Semaphore needs 0 or more permits, not " + permits);
        }
        this.permits = new Permits(loop, permits, this::release);
    }

    /**
     * Takes a permit: the awaitable gives the semaphore's {@link Held} once the caller has one. A
     * free permit is taken when this method is called, and the awaitable is complete already;
     * otherwise the caller waits in line when it awaits the awaitable.
     */
    public Awaitable<Held> acquire() {
        permits.checkThread("Semaphore.acquire");
        return permits.acquire();
    }

    /**
     * Gives a permit back; the task that has waited longest gets it.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} released more often than acquired
     */
    public void release() {
        permits.checkThread("Semaphore.release");
        permits.release();
    }

    /** True if {@link #acquire()} would wait. */
    public boolean locked() {
        permits.checkThread("Semaphore.locked");
        return permits.free() == 0;
    }

    /** How many permits are free. */
    public int available() {
        permits.checkThread("Semaphore.available");
        return permits.free();
    }

    final void checkThread(String operation) {
        permits.checkThread(operation);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[permits=" + permits.free() + ", waiters=" + permits.waiting() + "]";
    }
}
