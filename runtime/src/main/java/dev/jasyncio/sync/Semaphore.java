package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
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

    private final Waiters<Held> waiters;
    private final Held held = this::release;
    private AsyncFuture<Held> acquiredAtOnce;
    private int permits;

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
        this.waiters = new Waiters<>(loop);
        this.permits = permits;
    }

    /**
     * Takes a permit: the awaitable gives the semaphore's {@link Held} once the caller has one. A
     * free permit is taken when this method is called, and the awaitable is complete already;
     * otherwise the caller waits in line when it awaits the awaitable.
     */
    public Awaitable<Held> acquire() {
        checkThread("Semaphore.acquire");
        if (permits > 0) {
            permits--;
            if (acquiredAtOnce == null) {
                acquiredAtOnce = waiters.completed(held);
            }
            return acquiredAtOnce;
        }
        return new Acquire();
    }

    /**
     * Gives a permit back; the task that has waited longest gets it.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} released more often than acquired
     */
    public void release() {
        checkThread("Semaphore.release");
        if (!waiters.handOver(held)) {
            permits++;
        }
    }

    /** True if {@link #acquire()} would wait. */
    public boolean locked() {
        checkThread("Semaphore.locked");
        return permits == 0;
    }

    /** How many permits are free. */
    public int available() {
        checkThread("Semaphore.available");
        return permits;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[permits=" + permits + ", waiters=" + waiters.size() + "]";
    }

    final void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    /** Waits in line for a permit. */
    private final class Acquire extends Turn<Held, Held> {

        Acquire() {
            super(waiters);
        }

        @Override
        protected Object now() {
            if (permits == 0) {
                return NOT_NOW;
            }
            permits--;
            return held;
        }

        @Override
        protected Held taken(Held handed) {
            return handed;
        }

        @Override
        protected void giveBack(Held handed) {
            release();
        }
    }
}
