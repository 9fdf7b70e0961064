package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;

/**
 * An operation on a primitive that may have to wait in its line: taking a lock, a permit, an
 * item of a queue. The base of {@code dev.jasyncio.sync.Turn}; public because the primitives live
 * in other packages, and for those who build new ones.
 *
 * <p>Like an asyncio coroutine it does nothing until it is awaited. The task that awaits it first
 * asks {@link #now()}, since the primitive may have changed since the operation was called; if the
 * operation must wait, the task calls {@link #joinLine()} and parks on this object itself, which
 * is a future: the primitive completes it with what it hands over, and so wakes the task. No
 * coroutine frame and no separate ticket: a wait costs this one object.
 *
 * <p>What is handed over is taken when the task resumes, through {@link #taken}. If the task is
 * cancelled after the hand-over but before it resumes, the cancellation wins, as in asyncio, and
 * the task gives what it was handed back through {@link #giveBack}: a cancelled waiter never
 * takes a lock, a permit or an item with it. Cancelled while still in line, it leaves the line
 * ({@link #leaveLine()}).
 *
 * <p>A combinator that takes the operation (gather, wait, a new task) runs it in a task of its
 * own, which awaits it as above. An operation runs once: awaiting it a second time fails.
 *
 * @param <T> what a waiter is handed, and what the await gives
 */
public abstract non-sealed class WaitInLine<T> extends AsyncFuture<T> {

    /** Returned by {@link #now()} when the operation cannot complete at once. */
    protected static final Object NOT_NOW = new Object();

    private boolean started;

    /** An operation on a primitive of {@code loop}. */
    protected WaitInLine(EventLoop loop) {
        super(loop);
    }

    /**
     * Completes the operation at once if the primitive allows it and returns its result (or throws
     * its failure); returns {@link #NOT_NOW} if the operation must wait in line.
     */
    protected abstract Object now();

    /** Puts this operation at the end of the primitive's line, to be completed with what it is handed. */
    protected abstract void joinLine();

    /** Takes this operation out of the line: it was cancelled while waiting. */
    protected abstract void leaveLine();

    /** Completes the operation with {@code handed}, what the primitive completed it with; may throw. */
    protected abstract T taken(T handed);

    /** Gives back {@code handed}, which this operation was handed but will not use: its task was cancelled first. */
    protected abstract void giveBack(T handed);

    /** Cancels the wait; an operation still in line leaves it. */
    @Override
    public boolean cancel(String message) {
        if (!super.cancel(message)) {
            return false;
        }
        leaveLine();
        return true;
    }

    /**
     * Marks the operation as started by a task or a combinator.
     *
     * @return false if it was started before
     */
    final boolean start() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    /** What awaiting an operation a second time fails with. */
    static IllegalStateException startedTwice(WaitInLine<?> wait) {
        return new IllegalStateException("this operation was awaited already, and it runs only once: "
                + wait.getClass().getName() + "; call the primitive's method again for a new one");
    }

    /** Makes the operation a task of its own, for combinators that need a future that is running. */
    final Task<T> startAsTask() {
        return loop().createTask(new AwaitOne<>(this));
    }

    /** A coroutine that awaits one operation: what a combinator's task runs. */
    private static final class AwaitOne<T> extends Coroutine<T> {

        private final WaitInLine<T> wait;

        AwaitOne(WaitInLine<T> wait) {
            this.wait = wait;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                label = 1;
                if (awaitSuspends(wait)) {
                    return SUSPENDED;
                }
            }
            return resumeValue();
        }
    }
}
