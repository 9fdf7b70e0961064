package dev.jasyncio.tasks;

import java.util.concurrent.CompletionStage;

/**
 * A lazy computation that runs on an event loop: the return type of every {@code @Async}
 * blueprint, and the base class of the state machines the jasyncio processor generates.
 *
 * <p>Creating a coroutine runs nothing. It starts when it is awaited from another coroutine or
 * wrapped in a {@link Task}, and it can be started only once.
 *
 * <h2>The protocol between generated machines and the task that drives them</h2>
 * A machine is one frame of a task's chain of awaits. {@link #step()} runs from the resume point
 * {@link #label} to the next await or to the end. To await, the machine stores its next label and
 * calls {@link #awaitSuspends}: when that returns {@code true} the machine returns
 * {@link #SUSPENDED} and the task takes over (it pushes an awaited coroutine as a new frame, or
 * parks on an awaited future); when it returns {@code false} the value is already there. Either
 * way the machine then reads the outcome with {@link #resumeValue()}, which returns the value or
 * throws the awaited operation's exception. The task runs frames in a loop rather than by
 * recursion, so awaiting and unwinding a chain of any depth uses constant stack, and resuming
 * after a suspension goes straight to the innermost frame.
 *
 * @param <T> the type of the result
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** Returned by {@link #step()} when the machine waits for what it passed to {@link #awaitSuspends}. */
    protected static final Object SUSPENDED = Suspended.INSTANCE;

    /** The resume point of the machine: 0 before the first step. */
    protected int label;

    /**
     * The frame that awaits this one; the frame itself for the root frame of a task; null until a
     * task or an awaiting frame takes the coroutine, which can happen only once.
     */
    Coroutine<?> caller;

    /**
     * The value of the last await, consumed by {@link #resumeValue()}. Between an await that
     * suspends and the task taking over, it carries what the machine awaits
     * ({@link #takeAwaited()}): a machine holds no field for that, since no await needs both.
     */
    Object sentValue;

    /** The exception of the last await, consumed by {@link #resumeValue()}. */
    Throwable sentError;

    // The watch only keeps the new coroutine as a weak key and reads its class: nothing of the
    // subclass, which is not initialised yet, is touched.
    @SuppressWarnings("this-escape")
    protected Coroutine() {
        CoroutineWatch.created(this);
    }

    /**
     * Runs the machine from {@link #label} until it awaits something that is not ready or finishes.
     *
     * @return {@link #SUSPENDED}, or the coroutine's result
     * @throws Throwable whatever the blueprint throws; the task delivers it to the awaiting frame
     */
    protected abstract Object step() throws Throwable;

    /**
     * Begins an await.
     *
     * @return true if the machine must return {@link #SUSPENDED} now; false if the outcome is
     *     ready and {@link #resumeValue()} can take it at once
     */
    protected final boolean awaitSuspends(Awaitable<?> awaitable) {
        if (awaitable instanceof AsyncFuture<?> future && future.isDone()) {
            receiveOutcomeOf(future);
            return false;
        }
        if (awaitable == null) {
            sentError = new NullPointerException("await(null): the awaited value is null");
            return false;
        }
        sentValue = awaitable;
        return true;
    }

    /**
     * Begins an await on a stage completed by any thread; its outcome is handed back on the loop
     * thread.
     */
    protected final boolean awaitSuspends(CompletionStage<?> stage) {
        if (stage == null) {
            sentError = new NullPointerException("await(null): the awaited stage is null");
            return false;
        }
        return awaitSuspends(AsyncFuture.fromStage(stage));
    }

    /**
     * Takes the outcome of the last await: its value, or its exception thrown as is (checked
     * exceptions included, exactly as the awaited blueprint threw them).
     */
    @SuppressWarnings("unchecked")
    protected final <R> R resumeValue() {
        Throwable error = sentError;
        if (error != null) {
            sentError = null;
            throw Sneaky.<RuntimeException>rethrow(error);
        }
        Object value = sentValue;
        sentValue = null;
        return (R) value;
    }

    /**
     * The place in the blueprint where the machine resumes next (its {@link #label}), as a frame
     * naming the blueprint's class, method, file and line; null for a coroutine that was not
     * generated from a blueprint. Debug reports name it, so users read their own code, not ours.
     */
    protected StackTraceElement resumePoint() {
        return null;
    }

    /**
     * The blueprint frame that a frame of this machine's generated {@code step()} at
     * {@code generatedLine} stands for, or null if the line maps to nothing. Stack traces of
     * exceptions that leave the machine are rewritten with it, so they point at the user's file.
     */
    protected StackTraceElement blueprintFrame(int generatedLine) {
        return null;
    }

    /** What the machine awaits, after it returned {@link #SUSPENDED}; the task calls this once. */
    final Object takeAwaited() {
        Object awaited = sentValue;
        sentValue = null;
        return awaited;
    }

    /** Stores a completed future's outcome as the value of the current await. */
    final void receiveOutcomeOf(AsyncFuture<?> future) {
        Throwable error = future.outcomeError();
        if (error != null) {
            sentError = error;
        } else {
            sentValue = future.outcomeValue();
        }
    }

    private enum Suspended {
        INSTANCE
    }
}
