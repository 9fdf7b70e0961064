package dev.jasyncio.sync;

import dev.jasyncio.tasks.WaitInLine;

/**
 * One wait in a {@link Waiters} line: what a primitive returns from an operation that may have to
 * wait, such as {@code acquire()} on a held lock. A subclass says what completing at once means
 * ({@link #now()}), what taking what it was handed does ({@link #taken}) and how to give it back
 * ({@link #giveBack}); {@link WaitInLine} describes when each runs.
 *
 * <p>The turn is itself the ticket that stands in the line: {@link Waiters#handOver} completes it,
 * which wakes the task that awaits it.
 *
 * @param <T> what the waiter is handed, and what the operation gives
 */
public abstract class Turn<T> extends WaitInLine<T> {

    /** A turn in {@code waiters}' line, taken when the turn is awaited. */
    protected Turn(Waiters<T> waiters) {
        super(waiters.loop());
    }

    /** The line this turn waits in. */
    protected abstract Waiters<T> waiters();

    @Override
    protected final void joinLine() {
        waiters().join(this);
    }

    @Override
    protected final void leaveLine() {
        waiters().leave(this);
    }
}
