package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Awaitable;

/**
 * A mutual exclusion lock for tasks on one event loop: asyncio's {@code Lock}.
 *
 * <p>A lock is not owned by a task: any task may release it. It is fair: when the lock is released
 * while tasks wait, it passes straight to the one that has waited longest, so it stays locked and
 * a task that asks later queues behind. A waiter cancelled while it waits leaves the line; one
 * cancelled after the lock was passed to it but before it resumed passes the lock on, so the lock
 * is never left held by nobody.
 *
 * <pre>{@code
 * try (Held held = await(lock.acquire())) {
 *     ...                               // released on every way out, cancellation included
 * }
 * }</pre>
 *
 * <p>Loop-affine: use it only on its loop's thread.
 */
public final class Lock {

    private final Permits permits;

    /** An unlocked lock on the loop running on this thread. */
    public Lock() {
        this(EventLoop.getRunningLoop());
    }

    /** An unlocked lock on {@code loop}. */
    public Lock(EventLoop loop) {
        permits = new Permits(loop, 1, this::release);
    }

    /**
     * Acquires the lock: the awaitable gives the lock's {@link Held} once the lock is the caller's.
     * A free lock is taken when this method is called, and the awaitable is complete already; a
     * held one is waited for in line when the awaitable is awaited.
     */
    public Awaitable<Held> acquire() {
        permits.checkThread("Lock.acquire");
        return permits.acquire();
    }

    /**
     * Releases the lock; the task that has waited longest gets it.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void release() {
        permits.checkThread("Lock.release");
        if (permits.free() > 0) {
            throw new IllegalStateException("release() of a Lock that is not locked");
        }
        permits.release();
    }

    /** True if some task holds the lock (or it is being passed to a waiter that has not resumed yet). */
    public boolean locked() {
        permits.checkThread("Lock.locked");
        return permits.free() == 0;
    }

    /** The loop the lock belongs to. */
    EventLoop loop() {
        return permits.loop();
    }

    @Override
    public String toString() {
        return "Lock[" + (permits.free() == 0 ? "locked" : "unlocked") + ", waiters=" + permits.waiting() + "]";
    }
}
