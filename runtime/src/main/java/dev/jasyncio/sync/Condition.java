package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks on one event loop: asyncio's {@code Condition}. A task that holds
 * the condition's {@link Lock} waits with {@link #waitSignal()} or {@link #waitUntil}: the lock is
 * released while it waits and held again when the wait returns, whatever way it returns. Another
 * task that holds the lock wakes waiters with {@link #signal(int)} or {@link #signalAll()}.
 *
 * <pre>{@code
 * try (Held held = await(condition.acquire())) {
 *     await(condition.waitUntil(() -> !items.isEmpty()));
 *     item = items.remove();
 * }
 * }</pre>
 *
 * <p>Waiters are signalled in the order they started waiting. A waiter cancelled after it was
 * signalled but before it returned passes its signal to the next waiter, so a signal is never lost
 * to a cancellation. The names follow {@code java.util.concurrent.locks.Condition} because
 * {@code Object}'s final {@code wait}, {@code notify} and {@code notifyAll} take asyncio's:
 * {@code wait()} is {@code waitSignal()}, {@code wait_for} is {@code waitUntil}, {@code notify(n)}
 * is {@code signal(n)} and {@code notify_all()} is {@code signalAll()}.
 *
 * <p>Loop-affine: use it only on its loop's thread.
 */
public final class Condition {

    private final Lock lock;
    private final Waiters<Boolean> waiters;

    /** A condition with a new lock, on the loop running on this thread. */
    public Condition() {
        this(EventLoop.getRunningLoop());
    }

    /** A condition with a new lock, on {@code loop}. */
    public Condition(EventLoop loop) {
        this(new Lock(loop));
    }

    /** A condition over {@code lock}, on the lock's loop; several conditions may share one lock. */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.waiters = new Waiters<>(lock.loop());
    }

    /** Acquires the condition's lock, as {@link Lock#acquire()} does. */
    public Awaitable<Held> acquire() {
        return lock.acquire();
    }

    /** Releases the condition's lock, as {@link Lock#release()} does. */
    public void release() {
        lock.release();
    }

    /** True if the condition's lock is held. */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Releases the lock, waits until signalled, and acquires the lock again before returning, even
     * when the wait ends with a cancellation. Like asyncio's, a wait may return without the awaited
     * state being there (another task may have changed it first): check it in a loop, or use
     * {@link #waitUntil}.
     *
     * @throws IllegalStateException when awaited without the lock held
     */
    public Awaitable<Void> waitSignal() {
        checkThread("Condition.waitSignal");
        return new WaitSignal();
    }

    /**
     * Waits, as {@link #waitSignal()} does, until {@code predicate} is true; it is checked first
     * (with the lock held) and after each signal.
     *
     * @throws IllegalStateException when awaited without the lock held
     */
    public Awaitable<Void> waitUntil(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        checkThread("Condition.waitUntil");
        return new WaitUntil(predicate);
    }

    /** Wakes the task that has waited longest, if any; same as {@link #signal(int) signal(1)}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, longest waiting first. They return from their waits once
     * they get the lock, which the caller still holds.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void signal(int n) {
        checkThread("Condition.signal");
        if (n < 0) {
            throw new IllegalArgumentException("cannot signal a negative number of waiters: " + n);
        }
        checkLocked("signal");
        waiters.handOver(Boolean.TRUE, n);
    }

    /**
     * Wakes every waiting task.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signalAll() {
        checkThread("Condition.signalAll");
        checkLocked("signalAll");
        waiters.handOverToAll(Boolean.TRUE);
    }

    @Override
    public String toString() {
        return "Condition[" + (lock.locked() ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
    }

    private void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    private void checkLocked(String operation) {
        if (!lock.locked()) {
            throw new IllegalStateException(operation + "() on a Condition whose lock is not acquired; acquire"
                    + " it first");
        }
    }

    /**
     * One wait: release the lock, wait for a signal, take the lock again. Its labels: 0 before it
     * starts, {@link #SIGNALLED} waiting for the signal, {@link #RELOCKED} waiting for the lock.
     */
    private final class WaitSignal extends Coroutine<Void> {

        private static final int SIGNALLED = 1;
        private static final int RELOCKED = 2;

        private AsyncFuture<Boolean> ticket;

        /** Why the wait ends with an exception, once the lock is held again. */
        private Throwable failure;

        @Override
        protected Object step() throws Throwable {
            if (label == 0) {
                checkLocked("waitSignal");
                ticket = waiters.join();
                lock.release();
                label = SIGNALLED;
                if (awaitSuspends(ticket)) {
                    return SUSPENDED;
                }
            }
            if (label == SIGNALLED) {
                try {
                    resumeValue();
                } catch (Throwable cancelled) {
                    failure = cancelled;
                    waiters.leave(ticket);
                }
                label = RELOCKED;
                if (awaitSuspends(lock.acquire())) {
                    return SUSPENDED;
                }
            }
            while (true) {
                try {
                    resumeValue();
                    break;
                } catch (CancelledException cancelled) {
                    // The lock must be held again however the wait ends; the cancellation waits for it.
                    failure = cancelled;
                    if (awaitSuspends(lock.acquire())) {
                        return SUSPENDED;
                    }
                }
            }
            if (failure != null) {
                if (Waiters.wasHandedOver(ticket)) {
                    waiters.handOver(Boolean.TRUE);
                }
                throw failure;
            }
            return null;
        }
    }

    /** Waits for signals until the predicate holds. */
    private final class WaitUntil extends Coroutine<Void> {

        private final BooleanSupplier predicate;

        WaitUntil(BooleanSupplier predicate) {
            this.predicate = predicate;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                checkLocked("waitUntil");
                label = 1;
            } else {
                resumeValue();
            }
            while (!predicate.getAsBoolean()) {
                if (awaitSuspends(new WaitSignal())) {
                    return SUSPENDED;
                }
                resumeValue();
            }
            return null;
        }
    }
}
