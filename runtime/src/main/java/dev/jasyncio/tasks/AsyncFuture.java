package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A result that will be set later, on one event loop: asyncio's {@code Future}.
 *
 * <p>A future is pending until someone calls {@link #setResult}, {@link #setException} or
 * {@link #cancel()}; from then on it is done and never changes. Code awaits it to get the result,
 * and its done callbacks are scheduled on the loop with {@code callSoon} when it completes, never
 * run inline, so completing a future never re-enters the code that completes it.
 *
 * <p>Futures are loop-affine: their methods must be called on the loop's thread; another thread
 * hands its work to the loop with {@link EventLoop#callSoonThreadsafe}. Only {@link #isDone()},
 * {@link #isCancelled()} and {@link #loop()} are plain reads without that check.
 *
 * <p>A task that awaits a future registers itself in a dedicated field rather than as a callback,
 * so awaiting allocates nothing; further awaiting tasks and callbacks go to a list.
 *
 * @param <T> the type of the result
 */
public sealed class AsyncFuture<T> implements Awaitable<T>
        permits Task, Gather, Sleep, StageFuture, YieldOnce, WaitInLine {

    enum State {
        PENDING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    private final EventLoop loop;
    private State state = State.PENDING;
    /** The value of a future that succeeded, the exception of one that failed or was cancelled. */
    private Object outcome;
    private Task<?> waiter;

    /**
     * The done callbacks: null, the one callback, or a {@link CallbackList} once there are several.
     * Most futures get at most one (a gather watching its child), and a list for it would cost more
     * than the future itself.
     */
    private Object callbacks;

    /** A pending future on {@code loop}. */
    public AsyncFuture(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * A pending future on the loop running on this thread.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public AsyncFuture() {
        this(EventLoop.getRunningLoop());
    }

    /** A future bound to no loop: only {@link YieldOnce}, which never completes, needs one. */
    AsyncFuture(Void noLoop) {
        this.loop = null;
    }

    /**
     * A future on the running loop that completes when {@code stage} does, whatever thread
     * completes it: the outcome is handed to the loop thread. A {@code CompletionException} is
     * unwrapped to its cause and a cancelled stage makes the future cancelled. Cancelling the
     * future cancels {@code stage.toCompletableFuture()} where the stage supports it.
     *
     * <p>A stage that is complete already gives a future that is done already, so awaiting it
     * does not suspend.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T> AsyncFuture<T> fromStage(CompletionStage<T> stage) {
        EventLoop loop = EventLoop.getRunningLoop();
        CompletableFuture<T> completable = StageFuture.completableOf(stage);
        if (completable != null && completable.isDone()) {
            AsyncFuture<T> done = new AsyncFuture<>(loop);
            done.settle(Outcome.of(completable));
            return done;
        }
        StageFuture<T> future = new StageFuture<>(loop, completable);
        stage.whenComplete(future);
        return future;
    }

    /**
     * {@code awaitable} as a future on {@code loop}, asyncio's {@code ensure_future}: a future is
     * returned as is, a coroutine is wrapped in a new task.
     *
     * @throws IllegalArgumentException if {@code awaitable} is a future of another loop
     */
    public static <T> AsyncFuture<T> ensureFuture(Awaitable<T> awaitable, EventLoop loop) {
        if (awaitable instanceof YieldOnce<T> yieldOnce) {
            AsyncFuture<T> next = new AsyncFuture<>(loop);
            loop.callSoon(() -> {
                if (!next.isDone()) {
                    next.settle(State.SUCCEEDED, yieldOnce.value(), null);
                }
            });
            return next;
        }
        if (awaitable instanceof AsyncFuture<T> future) {
            if (future.loop != loop) {
                throw new IllegalArgumentException(future + " belongs to another event loop than " + loop);
            }
            if (future instanceof Sleep<T> sleep) {
                return sleep.startAsFuture();
            }
            return future instanceof WaitInLine<T> wait ? wait.startAsTask() : future;
        }
        return loop.createTask((Coroutine<T>) awaitable);
    }

    /** The loop this future belongs to. */
    public final EventLoop loop() {
        return loop;
    }

    public final boolean isDone() {
        return state != State.PENDING;
    }

    public final boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /**
     * The result of a done future. If the future failed, its exception is thrown as is, checked
     * ones included, exactly as awaiting the future would throw it.
     *
     * @throws InvalidStateException if the future is not done
     * @throws CancelledException if the future was cancelled
     */
    @SuppressWarnings("unchecked")
    public final T result() {
        checkOwner("result");
        return switch (state) {
            case PENDING -> throw new InvalidStateException("the result is not set yet: " + this);
            case SUCCEEDED -> (T) outcome;
            case FAILED, CANCELLED -> throw Sneaky.<RuntimeException>rethrow(outcomeError());
        };
    }

    /**
     * The exception of a done future, or null if it succeeded.
     *
     * @throws InvalidStateException if the future is not done
     * @throws CancelledException if the future was cancelled
     */
    public final Throwable exception() {
        checkOwner("exception");
        return switch (state) {
            case PENDING -> throw new InvalidStateException("the exception is not set yet: " + this);
            case SUCCEEDED -> null;
            case FAILED -> outcomeError();
            case CANCELLED -> throw (CancelledException) outcome;
        };
    }

    /**
     * Completes the future with {@code result}.
     *
     * @throws InvalidStateException if the future is done already
     */
    public void setResult(T result) {
        checkOwner("setResult");
        checkPending();
        settle(State.SUCCEEDED, result, null);
    }

    /**
     * Fails the future with {@code exception}.
     *
     * @throws InvalidStateException if the future is done already
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        checkOwner("setException");
        checkPending();
        settle(State.FAILED, null, exception);
    }

    /**
     * The outcome of a done future: its value, its exception, or for a cancelled future its
     * {@link CancelledException}. Like {@link #exception()}, it counts as taking the exception.
     *
     * @throws InvalidStateException if the future is not done
     */
    @SuppressWarnings("unchecked")
    public final Outcome<T> outcome() {
        checkOwner("outcome");
        if (!isDone()) {
            throw new InvalidStateException("the outcome is not set yet: " + this);
        }
        Throwable failure = outcomeError();
        return failure == null ? Outcome.success((T) outcome) : Outcome.failure(failure);
    }

    /**
     * Completes the future with {@code outcome}: its value, its exception, or cancelled if the
     * exception is a {@link CancelledException}. What code that passes one future's outcome on to
     * another uses, with {@link #outcome()}.
     *
     * @throws InvalidStateException if the future is done already
     */
    public void setOutcome(Outcome<? extends T> outcome) {
        Objects.requireNonNull(outcome, "outcome");
        checkOwner("setOutcome");
        checkPending();
        settle(outcome);
    }

    /** Same as {@link #cancel(String) cancel(null)}. */
    public final boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future: whoever awaits it gets a {@link CancelledException} carrying
     * {@code message}.
     *
     * @return false if the future was done already, true if this call cancelled it
     */
    public boolean cancel(String message) {
        checkOwner("cancel");
        if (isDone()) {
            return false;
        }
        settle(State.CANCELLED, null, new CancelledException(message));
        return true;
    }

    /**
     * This future as a {@code CompletableFuture} for code outside the loop: it completes on the loop
     * thread with the same outcome (a cancellation as a {@code CancellationException} whose cause is
     * the {@link CancelledException}), and cancelling it, from any thread, cancels this future.
     */
    public final CompletableFuture<T> toCompletableFuture() {
        checkOwner("toCompletableFuture");
        return CompletableBridge.of(this);
    }

    /**
     * Schedules {@code callback} with {@code callSoon} when the future completes, or at once if it is
     * done already. Callbacks run in the order they were added.
     */
    public final void addDoneCallback(Consumer<? super AsyncFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        checkOwner("addDoneCallback");
        if (isDone()) {
            loop.execute(new DoneCallback<>(this, callback));
        } else {
            addCallback(callback);
        }
    }

    /**
     * Removes every registration of {@code callback} that has not been scheduled yet.
     *
     * @return how many registrations were removed
     */
    public final int removeDoneCallback(Consumer<? super AsyncFuture<T>> callback) {
        checkOwner("removeDoneCallback");
        if (callbacks instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(registered -> registered.equals(callback));
            return before - list.size();
        }
        if (callbacks != null && callbacks.equals(callback)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        return switch (state) {
            case PENDING -> name + "[pending]";
            case SUCCEEDED -> name + "[result=" + outcome + "]";
            case FAILED -> name + "[exception=" + outcome + "]";
            case CANCELLED -> name + "[cancelled]";
        };
    }

    /**
     * Tells {@code watcher} when this future completes, at once and inline rather than through the
     * loop: for the runtime's own bookkeeping (a gather counting its children), which runs no user
     * code and so need not wait for the loop's next turn. A future that is done already tells it now.
     */
    final void addWatcher(Watcher watcher) {
        if (isDone()) {
            watcher.watchedDone(this);
        } else {
            addCallback(watcher);
        }
    }

    /** Resumes {@code task} when this future completes; the first waiting task costs no allocation. */
    final void addWaiter(Task<?> task) {
        if (waiter == null) {
            waiter = task;
        } else {
            addCallback((Watcher) done -> task.wakeUp());
        }
    }

    /** The exception of a done future (its {@link CancelledException} if cancelled), or null. */
    final Throwable outcomeError() {
        if (state == State.FAILED) {
            onErrorRetrieved();
        }
        return state == State.SUCCEEDED ? null : (Throwable) outcome;
    }

    /** The value of a future that succeeded. */
    final Object outcomeValue() {
        return outcome;
    }


    /** Called when someone takes the exception of a failed future; a task stops tracking it then. */
    void onErrorRetrieved() {}

    /** Throws unless called on the loop thread. */
    void checkOwner(String method) {
        if (!loop.inLoopThread()) {
            loop.checkThread(getClass().getSimpleName() + "." + method);
        }
    }

    /** Completes a pending future with {@code outcome}, a cancellation counting as cancelled. */
    final void settle(Outcome<? extends T> outcome) {
        Throwable failure = outcome.exception();
        if (failure == null) {
            settle(State.SUCCEEDED, outcome.value(), null);
        } else {
            settle(failure instanceof CancelledException ? State.CANCELLED : State.FAILED, null, failure);
        }
    }

    /** Moves a pending future to its final state and schedules whoever waits for it. */
    final void settle(State finalState, Object result, Throwable failure) {
        state = finalState;
        outcome = failure != null ? failure : result;
        Task<?> task = waiter;
        if (task != null) {
            waiter = null;
            task.wakeUp();
        }
        Object registered = callbacks;
        if (registered == null) {
            return;
        }
        callbacks = null;
        if (registered instanceof CallbackList list) {
            for (Object callback : list) {
                notify(callback);
            }
        } else {
            notify(registered);
        }
    }

    /** Schedules a done callback, or tells a {@link Watcher} at once. */
    private void notify(Object callback) {
        if (callback instanceof Watcher watcher) {
            watcher.watchedDone(this);
        } else {
            loop.execute(new DoneCallback<>(this, uncheckedCallback(callback)));
        }
    }

    private void checkPending() {
        if (isDone()) {
            throw new InvalidStateException("the future is done already: " + this);
        }
    }

    private void addCallback(Object callback) {
        Object registered = callbacks;
        if (registered == null) {
            callbacks = callback;
        } else if (registered instanceof CallbackList list) {
            list.add(callback);
        } else {
            CallbackList list = new CallbackList();
            list.add(registered);
            list.add(callback);
            callbacks = list;
        }
    }

    /** Only {@link #addCallback} stores into {@link #callbacks}, and only callbacks of this future or watchers. */
    @SuppressWarnings("unchecked")
    private Consumer<? super AsyncFuture<T>> uncheckedCallback(Object callback) {
        return (Consumer<? super AsyncFuture<T>>) callback;
    }

    /** Several callbacks of one future, in the order they were added; a type of its own so it is never mistaken for one. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }

    /** What {@link #addWatcher} registers: runtime code told inline when a future completes. */
    interface Watcher {
        void watchedDone(AsyncFuture<?> future);
    }

    /** A done callback on its way through the loop's ready queue; named so error reports say what failed. */
    private record DoneCallback<T>(AsyncFuture<T> future, Consumer<? super AsyncFuture<T>> callback)
            implements Runnable {
        @Override
        public void run() {
            callback.accept(future);
        }
    }
}
