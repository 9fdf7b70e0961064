package dev.jasyncio.sync;

import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Coroutine;

/**
 * One wait in a {@link Waiters} line, as a coroutine: what a primitive returns from an operation that
 * cannot complete at once, such as {@code acquire()} on a held lock.
 *
 * <p>Like an asyncio coroutine it does nothing until it is awaited. Then it first tries to complete
 * at once ({@link #now()}), since the primitive may have changed since the operation was called;
 * otherwise it joins the line and parks the awaiting task on its ticket. When it resumes it passes
 * what it was handed through {@link #taken}. If it resumes with an exception instead (the task was
 * cancelled, or the primitive failed its waiters), it leaves the line, and if it had been handed
 * something already, which happens when the task is cancelled after the hand-over but before it
 * ran, it gives that back with {@link #giveBack} so that the next waiter gets it: a cancelled
 * waiter never takes a lock, a permit or an item with it.
 *
 * @param <T> what the waiter is handed
 * @param <R> the result of the operation
 */
public abstract class Turn<T, R> extends Coroutine<R> {

    /** Returned by {@link #now()} when the operation cannot complete at once. */
    protected static final Object NOT_NOW = new Object();

    private final Waiters<T> waiters;
    private AsyncFuture<T> ticket;

    /** A turn in {@code waiters}' line, taken when the turn is awaited. */
    protected Turn(Waiters<T> waiters) {
        this.waiters = waiters;
    }

    /**
     * Completes the operation at once if the primitive allows it and returns its result (or throws
     * its failure); returns {@link #NOT_NOW} if the operation must wait in line.
     */
    protected abstract Object now();

    /** Completes the operation with {@code handed}, what {@link Waiters#handOver} gave this turn. */
    protected abstract R taken(T handed);

    /** Gives back {@code handed}, which this turn was handed but will not use since it failed. */
    protected abstract void giveBack(T handed);

    @Override
    protected final Object step() {
        if (ticket == null) {
            Object result = now();
            if (result != NOT_NOW) {
                return result;
            }
            ticket = waiters.join();
            if (awaitSuspends(ticket)) {
                return SUSPENDED;
            }
        }
        T handed;
        try {
            handed = resumeValue();
        } catch (Throwable failure) {
            waiters.leave(ticket);
            if (Waiters.wasHandedOver(ticket)) {
                giveBack(ticket.result());
            }
            throw failure;
        }
        return taken(handed);
    }
}
