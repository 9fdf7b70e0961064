package dev.jasyncio.tasks;

/**
 * Runs a coroutine on an event loop: asyncio's {@code Task}, and the driver of the machines that
 * the jasyncio processor generates.
 *
 * <h2>How a task drives its chain of frames</h2>
 * A coroutine that awaits another coroutine does not call it: it returns
 * {@link Coroutine#SUSPENDED} with the child in {@code awaiting}, and the task makes the child the
 * current frame. When a frame returns a value or throws, the task pops back to its caller and
 * hands over the outcome. All of this happens in one loop in {@link #drive}, never by recursion,
 * so chains of any depth use constant stack on the way down and on the way back up.
 *
 * <p>When a frame awaits a pending future, the task parks: it registers itself as the future's
 * waiter (no allocation), remembers the innermost frame, and returns to the event loop. When the
 * future completes the loop runs the task again and it resumes straight into that frame, so resuming
 * costs the same however deep the chain is.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel(String)} does not stop the task on the spot: it cancels the future the task waits
 * for, and the waiting frame receives a {@link CancelledException} from its await, so its
 * {@code finally} blocks run. A task whose coroutine lets that exception escape ends cancelled; one
 * that catches it may go on. A task cancelled before it first runs ends cancelled without running.
 *
 * <h2>No exception lost</h2>
 * A task that fails stays on its loop's books until someone takes its exception (through
 * {@link #result()}, {@link #exception()}, an await or a gather); the loop reports the ones that
 * nobody took when it closes, like asyncio's "Task exception was never retrieved".
 *
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends AsyncFuture<T> {

    private final TaskRegistry registry;
    private final String coroutineName;

    /** Steps this task; one instance, so rescheduling the task allocates nothing. */
    private final Runnable stepper = this::step;

    /** The innermost frame: where the next step resumes. Null once the task is done. */
    private Coroutine<?> frame;

    /** The future this task is parked on, the one {@link #cancel(String)} cancels; asyncio's {@code _fut_waiter}. */
    private AsyncFuture<?> waitingOn;

    /** Set when a cancellation could not be passed on to a future: the next step delivers it. */
    private boolean mustCancel;

    private String cancelMessage;
    private int cancelRequests;

    /** The links of the registry's list of tracked tasks. */
    Task<?> previous;
    Task<?> next;
    boolean tracked;

    /** A task that runs {@code coroutine}, scheduled to take its first step on the loop's next turn. */
    Task(TaskRegistry registry, Coroutine<T> coroutine) {
        super(registry.loop);
        if (coroutine.started) {
            throw alreadyStarted(coroutine);
        }
        coroutine.started = true;
        this.registry = registry;
        this.coroutineName = coroutine.getClass().getName();
        this.frame = coroutine;
        registry.track(this);
        wakeUp();
    }

    /**
     * Asks the task to cancel itself: the future it waits for is cancelled, or if there is none the
     * task receives a {@link CancelledException} when it next runs.
     *
     * @return false if the task is done already
     */
    @Override
    public boolean cancel(String message) {
        checkOwner("cancel");
        if (isDone()) {
            // As in asyncio, cancelling a finished task means nobody wants its exception reported.
            registry.untrack(this);
            return false;
        }
        cancelRequests++;
        if (waitingOn != null && waitingOn.cancel(message)) {
            return true;
        }
        mustCancel = true;
        cancelMessage = message;
        return true;
    }

    /** How many cancellations were requested and not withdrawn with {@link #uncancel()}. */
    public int cancelling() {
        checkOwner("cancelling");
        return cancelRequests;
    }

    /**
     * Withdraws one cancellation request, for code that catches a cancellation it caused itself
     * (a timeout, a task group) and goes on.
     *
     * @return the number of requests left
     */
    public int uncancel() {
        checkOwner("uncancel");
        if (cancelRequests > 0) {
            cancelRequests--;
        }
        return cancelRequests;
    }

    /**
     * Not supported: a task's result comes from its coroutine.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setResult(T result) {
        throw new UnsupportedOperationException("a task's result comes from its coroutine");
    }

    /**
     * Not supported: a task's exception comes from its coroutine.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setException(Throwable exception) {
        throw new UnsupportedOperationException("a task's exception comes from its coroutine");
    }

    @Override
    public String toString() {
        return super.toString() + "(" + coroutineName + ")";
    }

    @Override
    void onErrorRetrieved() {
        registry.untrack(this);
    }

    /** Schedules the next step on the loop; called when what the task waits for is ready. */
    void wakeUp() {
        loop().execute(stepper);
    }

    /** Resumes the innermost frame with the outcome of its await and drives the chain from there. */
    void step() {
        Coroutine<?> resumed = frame;
        Awaitable<?> awaited = resumed.awaiting;
        resumed.awaiting = null;
        waitingOn = null;
        registry.current = this;
        try {
            if (awaited instanceof YieldOnce<?> yieldOnce) {
                resumed.sentValue = yieldOnce.value();
            } else if (awaited != null) {
                resumed.receiveOutcomeOf((AsyncFuture<?>) awaited);
            }
            if (mustCancel) {
                mustCancel = false;
                if (awaited == null) {
                    // Not started yet: like throwing into an unstarted generator, the body never runs.
                    drive(resumed, new CancelledException(cancelMessage));
                    return;
                }
                // The awaited outcome was taken above (so a failure counts as retrieved, as in
                // asyncio) and gives way to the cancellation, unless it is a cancellation itself.
                if (!(resumed.sentError instanceof CancelledException)) {
                    resumed.sentValue = null;
                    resumed.sentError = new CancelledException(cancelMessage);
                }
            }
            drive(resumed, null);
        } finally {
            registry.current = null;
        }
    }

    /**
     * Runs frames until the task parks or finishes: steps {@code start} (or, if {@code escaping} is
     * set, unwinds it with that exception), pushes awaited coroutines, and pops finished frames
     * into their callers.
     */
    private void drive(Coroutine<?> start, Throwable escaping) {
        Coroutine<?> current = start;
        Throwable error = escaping;
        Object result = null;
        while (true) {
            if (error == null) {
                try {
                    result = current.step();
                    if (result == Coroutine.SUSPENDED) {
                        Coroutine<?> next = suspend(current);
                        if (next == null) {
                            return;
                        }
                        current = next;
                        continue;
                    }
                } catch (Throwable thrown) {
                    error = thrown;
                }
            }
            Coroutine<?> caller = current.caller;
            if (caller == null) {
                finish(result, error);
                return;
            }
            current.caller = null;
            if (error != null) {
                caller.sentError = error;
                error = null;
            } else {
                caller.sentValue = result;
            }
            result = null;
            current = caller;
        }
    }

    /**
     * Handles a frame that returned {@link Coroutine#SUSPENDED}.
     *
     * @return the frame to step next (an awaited coroutine, or the same frame with an error to
     *     take), or null if the task parked
     */
    private Coroutine<?> suspend(Coroutine<?> suspended) {
        Awaitable<?> awaited = suspended.awaiting;
        if (awaited instanceof Coroutine<?> child) {
            suspended.awaiting = null;
            if (child.started) {
                suspended.sentError = alreadyStarted(child);
                return suspended;
            }
            child.started = true;
            child.caller = suspended;
            return child;
        }
        if (awaited instanceof YieldOnce) {
            frame = suspended;
            wakeUp();
            return null;
        }
        if (awaited instanceof AsyncFuture<?> future) {
            if (future == this || future.loop() != loop()) {
                suspended.awaiting = null;
                suspended.sentError = new IllegalStateException(future == this
                        ? "a task cannot await itself: " + this
                        : "cannot await " + future + " from " + this + ": it belongs to another event loop");
                return suspended;
            }
            frame = suspended;
            waitingOn = future;
            future.addWaiter(this);
            if (mustCancel && future.cancel(cancelMessage)) {
                mustCancel = false;
            }
            return null;
        }
        throw new IllegalStateException(
                suspended.getClass().getName() + ".step() returned SUSPENDED without awaiting anything");
    }

    /** Completes the task with the outcome of its root frame. */
    private void finish(Object result, Throwable error) {
        frame = null;
        if (error == null && mustCancel) {
            // Cancelled right as the coroutine returned: asyncio lets the cancellation win.
            mustCancel = false;
            error = new CancelledException(cancelMessage);
        }
        if (error == null) {
            registry.untrack(this);
            settle(State.SUCCEEDED, result, null);
        } else if (error instanceof CancelledException) {
            registry.untrack(this);
            settle(State.CANCELLED, null, error);
        } else {
            settle(State.FAILED, null, error);
        }
    }

    private static IllegalStateException alreadyStarted(Coroutine<?> coroutine) {
        return new IllegalStateException("coroutine already awaited: " + coroutine.getClass().getName()
                + " was started before, and a coroutine runs only once; call its companion method"
                + " again to get a new one");
    }
}
