package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
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

    private final Waiters<Held> waiters;
    private final Held held = this::release;
    private AsyncFuture<Held> acquiredAtOnce;
    private boolean locked;

    /** An unlocked lock on the loop running on this thread. */
    public Lock() {
        this(EventLoop.getRunningLoop());
    }

    /** An unlocked lock on {@code loop}. */
    public Lock(EventLoop loop) {
        waiters = new Waiters<>(loop);
    }

    /**
     * Acquires the lock: the awaitable gives the lock's {@link Held} once the lock is the caller's.
     * A free lock is taken when this method is called, and the awaitable is complete already; a
     * held one is waited for in line when the awaitable is awaited.
     */
    public Awaitable<Held> acquire() {
        checkThread("Lock.acquire");
        if (!locked) {
            locked = true;
            if (acquiredAtOnce == null) {
                acquiredAtOnce = waiters.completed(held);
            }
            return acquiredAtOnce;
        }
        return new Acquire();
    }

    /**
     * Releases the lock; the task that has waited longest gets it.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void release() {
        checkThread("Lock.release");
        if (!locked) {
            throw new IllegalStateException("release() of a Lock that is not locked");
        }
        if (!waiters.handOver(held)) {
            locked = false;
        }
    }

    /** True if some task holds the lock (or it is being passed to a waiter that has not resumed yet). */
    public boolean locked() {
        checkThread("Lock.locked");
        return locked;
    }

    /** The loop the lock belongs to. */
    EventLoop loop() {
        return waiters.loop();
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
    }

    private void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    /** Waits in line for the lock. */
    private final class Acquire extends Turn<Held, Held> {

        Acquire() {
            super(waiters);
        }

        @Override
        protected Object now() {
            if (locked) {
                return NOT_NOW;
            }
            locked = true;
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
