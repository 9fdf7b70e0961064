package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a coroutine on an event loop: asyncio's {@code Task}, and the driver of the machines that
 * the jasyncio processor generates.
 *
 * <h2>How a task drives its chain of frames</h2>
 * A coroutine that awaits another coroutine does not call it: it returns
 * {@link Coroutine#SUSPENDED} after naming the child in its await, and the task makes the child the
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
 * for (a task it awaits passes the cancellation on down its own chain), and the waiting frame
 * receives a {@link CancelledException} from its await, so its {@code finally} blocks run. A task
 * whose coroutine lets that exception escape ends cancelled; one that catches it may go on. A
 * task cancelled before it first runs ends cancelled without running. Requests are counted
 * ({@link #cancelling()}, {@link #uncancel()}), so that a {@link Timeout} scope can tell its own
 * request from one that came from outside.
 *
 * <h2>No exception lost</h2>
 * A task that fails is watched until someone takes its exception (through {@link #result()},
 * {@link #exception()}, an await or a gather); if nobody does, the loop's exception handler hears
 * of it when the task is garbage-collected or when the loop closes, whichever comes first, like
 * asyncio's "Task exception was never retrieved".
 *
 * <h2>Small on purpose</h2>
 * What only some tasks need (a name, a pending cancellation and its message, expired timeouts, a
 * watched failure) lives in a side object allocated on first use. The loop queues the task itself
 * when it is ready to run, not a callback, and a task asleep in {@code sleep(...)} waits in the
 * loop's timer heap itself, without a future or a timer handle: a sleeping coroutine costs its
 * machine, this task and two slots of the heap.
 *
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends AsyncFuture<T> {

    private static final System.Logger SLOW_STEPS = System.getLogger(EventLoop.LOGGER_NAME);

    /**
     * What a task asleep in {@code sleep(...)} waits on, and what its innermost frame awaits: the
     * task is in the loop's timer heap, and its frame holds the sleep's result already.
     */
    private static final AsyncFuture<Object> ASLEEP = new AsyncFuture<>((Void) null);

    /** What a task that has not taken its first step waits on: a cancellation then means its body never runs. */
    private static final AsyncFuture<Object> NOT_STARTED = new AsyncFuture<>((Void) null);

    final TaskRegistry registry;

    /** The task's number on its loop, for the default name {@code Task-<number>}. */
    private final int number;

    /**
     * The innermost frame: where the next step resumes. Once the task is done, its root frame,
     * kept (as asyncio keeps a task's coroutine) so that reports can name it.
     */
    private Coroutine<?> frame;

    /**
     * The future this task is parked on, the one {@link #cancel(String)} cancels (asyncio's
     * {@code _fut_waiter}), or {@link #ASLEEP}.
     */
    private AsyncFuture<?> waitingOn;

    /** Names, cancel requests, expired timeouts, a watched failure: allocated when first needed. */
    private TaskDetails details;

    /** The task's place in the loop's timer heap while it sleeps there, else -1. */
    int timerIndex = -1;

    /** The links of the registry's list of tracked tasks. */
    Task<?> previous;
    Task<?> next;

    /** A task that runs {@code coroutine}, scheduled to take its first step on the loop's next turn. */
    Task(TaskRegistry registry, Coroutine<T> coroutine) {
        super(registry.loop);
        if (coroutine.caller != null) {
            throw alreadyStarted(coroutine);
        }
        // A root frame is its own caller: marked as started, and where the unwinding stops.
        coroutine.caller = coroutine;
        CoroutineWatch.started(coroutine);
        this.registry = registry;
        this.number = registry.nextTaskNumber();
        this.frame = coroutine;
        this.waitingOn = NOT_STARTED;
        registry.track(this);
        wakeUp();
    }

    /**
     * The task's name: the one given with {@link #setName}, or {@code Task-<n>} where n counts the
     * tasks of its loop from 1, as asyncio names them.
     */
    public String getName() {
        TaskDetails known = details;
        return known != null && known.name != null ? known.name : "Task-" + number;
    }

    /** Names the task, for its {@code toString} and for reports about it. */
    public void setName(String name) {
        Objects.requireNonNull(name, "name");
        checkOwner("setName");
        details().name = name;
    }

    /**
     * Asks the task to cancel itself: the future it waits for is cancelled (and if that is another
     * task, that task's awaited future, and so on down the chain), or if it waits for nothing the
     * task receives a {@link CancelledException} when it next runs. Each call counts as one request
     * ({@link #cancelling()}), even when the task is asked several times before it sees the
     * first.
     *
     * @return false if the task is done already
     */
    @Override
    public boolean cancel(String message) {
        checkOwner("cancel");
        if (isDone()) {
            // As in asyncio, cancelling a finished task means nobody wants its exception reported.
            onErrorRetrieved();
            return false;
        }
        details().cancelRequests++;
        if (waitingOn == ASLEEP) {
            cancelSleep(message);
            return true;
        }
        // The waited future stays in waitingOn: if it is a task that refuses the cancellation, a
        // later request must reach it again.
        if (waitingOn != null && waitingOn != NOT_STARTED && waitingOn.cancel(message)) {
            return true;
        }
        cancelAtNextStep(message);
        return true;
    }

    /**
     * How many cancellations were requested and not withdrawn with {@link #uncancel()}: code that
     * cancels a task for its own purpose (a timeout, a task group) compares it with the count it
     * saw before, to tell its own request from one that came from outside.
     */
    public int cancelling() {
        checkOwner("cancelling");
        return details != null ? details.cancelRequests : 0;
    }

    /**
     * Withdraws one cancellation request, for code that catches a cancellation it caused itself
     * (a timeout, a task group) and goes on. When no request is left, a cancellation that has not
     * reached the coroutine yet is withdrawn too, as in Python 3.13.
     *
     * @return the number of requests left
     */
    public int uncancel() {
        checkOwner("uncancel");
        if (details == null) {
            return 0;
        }
        if (details.cancelRequests > 0) {
            details.cancelRequests--;
            if (details.cancelRequests == 0) {
                details.mustCancel = false;
            }
        }
        return details.cancelRequests;
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

    /**
     * Not supported: a task's outcome comes from its coroutine.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void setOutcome(Outcome<? extends T> outcome) {
        throw new UnsupportedOperationException("a task's outcome comes from its coroutine");
    }

    /** The class name of the task's root coroutine. */
    String coroutineName() {
        Coroutine<?> root = frame;
        while (root.caller != root) {
            root = root.caller;
        }
        return root.getClass().getName();
    }

    /** {@code Task[pending](Task-1, the.coroutine.Class)}: the state, the name, the root coroutine. */
    @Override
    public String toString() {
        return super.toString() + "(" + getName() + ", " + coroutineName() + ")";
    }

    @Override
    void onErrorRetrieved() {
        TaskDetails known = details;
        if (known != null && known.lostFailure != null) {
            known.lostFailure.retrieved();
            known.lostFailure = null;
        }
    }

    /**
     * Called when {@code timeout}, a scope this task entered, expires: a cancellation request like
     * {@link #cancel(String)}, which the task's next step turns into the scope's
     * {@link DeadlineExceededException} unless a cancellation from outside came too.
     */
    void expire(Timeout timeout) {
        TaskDetails known = details();
        if (known.expired == null || timeout.enteredBefore(known.expired)) {
            known.expired = timeout;
        }
        known.expiredCount++;
        cancel(timeout.cancelMessage());
    }

    /** Schedules the next step on the loop; called when what the task waits for is ready. */
    void wakeUp() {
        registry.scheduling.scheduleStep(this);
    }

    /** Whether the task sleeps in the loop's timer heap, in {@code sleep}. */
    boolean isAsleepIn(Sleep<?> sleep) {
        return waitingOn == ASLEEP && registry.scheduling.wakeTime(this) == sleep.deadline();
    }

    /**
     * Cancels the sleep the task is in, as cancelling a future it waits on would: the task leaves
     * the timer heap and its frame resumes at once with a {@link CancelledException}.
     */
    void cancelSleep(String message) {
        waitingOn = null;
        registry.scheduling.wakeEarly(this);
        frame.sentValue = null;
        frame.sentError = new CancelledException(message);
        wakeUp();
    }

    /** Ends the sleep: the loop's timer heap calls this when the deadline has come and the task left the heap. */
    void wakeFromSleep() {
        waitingOn = null;
    }

    /** Runs the task's next step; in debug mode, logs it if it held the loop too long. */
    void step() {
        if (registry.loop.isDebug()) {
            timedStep();
        } else {
            resume();
        }
    }

    private void timedStep() {
        Coroutine<?> resumed = frame;
        long start = System.nanoTime();
        resume();
        long elapsed = System.nanoTime() - start;
        if (elapsed > registry.loop.getSlowCallbackDuration().toNanos()) {
            Coroutine<?> stoppedAt = isDone() ? resumed : frame;
            SLOW_STEPS.log(System.Logger.Level.WARNING, () -> String.format(Locale.ROOT,
                    "Executing %s at %s took %.3f seconds", getName(), position(stoppedAt), elapsed / 1e9));
        }
    }

    /** Where {@code frame} is: its blueprint line if the processor generated it, else its class. */
    private static String position(Coroutine<?> frame) {
        StackTraceElement point = frame.resumePoint();
        return point != null ? point.toString() : frame.getClass().getName();
    }

    /** Resumes the innermost frame with the outcome of its await and drives the chain from there. */
    private void resume() {
        Coroutine<?> resumed = frame;
        // A task woken from a yield or a sleep waits on nothing: its frame holds the value already.
        AsyncFuture<?> parkedOn = waitingOn;
        waitingOn = null;
        registry.current = this;
        try {
            if (parkedOn != null && parkedOn != NOT_STARTED) {
                resumed.receiveOutcomeOf(parkedOn);
            }
            if (details != null && details.mustCancel) {
                details.mustCancel = false;
                if (parkedOn == NOT_STARTED) {
                    // Not started yet: like throwing into an unstarted generator, the body never runs.
                    drive(resumed, new CancelledException(details.cancelMessage));
                    return;
                }
                // The awaited outcome was taken above (so a failure counts as retrieved, as in
                // asyncio) and gives way to the cancellation, unless it is a cancellation itself.
                if (!(resumed.sentError instanceof CancelledException)) {
                    if (parkedOn instanceof WaitInLine<?> wait && resumed.sentError == null) {
                        giveBack(wait, resumed.sentValue);
                    }
                    resumed.sentValue = null;
                    resumed.sentError = new CancelledException(details.cancelMessage);
                }
            } else if (parkedOn instanceof WaitInLine<?> wait && resumed.sentError == null) {
                take(wait, resumed);
            }
            if (details != null && details.expired != null) {
                deliverExpiry(resumed);
            }
            drive(resumed, null);
        } finally {
            registry.current = null;
        }
    }

    /**
     * Withdraws the cancellation requests of the timeout scopes that expired since the last step
     * and, if no other request is left from inside the outermost of them, turns the cancellation the
     * frame is about to receive into that scope's {@link DeadlineExceededException}. The frame
     * resumes inside the scope, so the exception leaves the scope as the timeout's, whatever
     * plain try-with-resources or {@code finally} it passes on the way: the scope itself never
     * has to replace an exception in flight.
     */
    private void deliverExpiry(Coroutine<?> resumed) {
        Timeout outermost = details.expired;
        int requests = details.expiredCount;
        details.expired = null;
        details.expiredCount = 0;
        int left = details.cancelRequests;
        for (int i = 0; i < requests; i++) {
            left = uncancel();
        }
        if (resumed.sentError instanceof CancelledException cancelled && left <= outermost.cancellingOnEntry()) {
            resumed.sentError = outermost.exceeded(cancelled);
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
        // The exception just handed from a frame to its caller: if the caller lets it through too,
        // its trace gets the caller's await, so it reads like a synchronous call chain.
        Throwable passedUp = null;
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
                    BlueprintTraces.rewrite(thrown, current);
                    if (thrown == passedUp) {
                        BlueprintTraces.addAwaitingFrame(thrown, current);
                    }
                    error = thrown;
                }
            }
            Coroutine<?> caller = current.caller;
            if (caller == current) {
                finish(current, result, error);
                return;
            }
            // The finished frame keeps its caller link: a report that walks from a stale innermost
            // frame up to the root still finds the root.
            if (error != null) {
                caller.sentError = error;
                passedUp = error;
                error = null;
            } else {
                caller.sentValue = result;
                passedUp = null;
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
        Object awaited = suspended.takeAwaited();
        if (awaited instanceof Coroutine<?> child) {
            if (child.caller != null) {
                suspended.sentError = alreadyStarted(child);
                return suspended;
            }
            CoroutineWatch.started(child);
            child.caller = suspended;
            return child;
        }
        if (awaited instanceof YieldOnce<?> yieldOnce) {
            frame = suspended;
            suspended.sentValue = yieldOnce.value();
            wakeUp();
            return null;
        }
        if (awaited instanceof Sleep<?> sleep && sleep.loop() == loop()) {
            if (sleep.isUsedUp()) {
                suspended.sentError = Sleep.usedUp();
                return suspended;
            }
            if (sleep.claimFor(this, loop().time())) {
                fallAsleep(suspended, sleep);
                return null;
            }
        }
        if (awaited instanceof WaitInLine<?> wait && wait.loop() == loop()) {
            return startWait(suspended, wait);
        }
        if (awaited instanceof AsyncFuture<?> future) {
            if (future == this || future.loop() != loop()) {
                suspended.sentError = new IllegalStateException(future == this
                        ? "a task cannot await itself: " + this
                        : "cannot await " + future + " from " + this + ": it belongs to another event loop");
                return suspended;
            }
            frame = suspended;
            waitingOn = future;
            future.addWaiter(this);
            if (details != null && details.mustCancel && future.cancel(details.cancelMessage)) {
                details.mustCancel = false;
            }
            return null;
        }
        throw new IllegalStateException(
                suspended.getClass().getName() + ".step() returned SUSPENDED without awaiting anything");
    }

    /**
     * Starts an operation on a primitive: it completes at once, and the frame goes on with its
     * outcome, or the operation joins the primitive's line and the task parks on it.
     *
     * @return the frame to step next, or null if the task parked
     */
    private Coroutine<?> startWait(Coroutine<?> suspended, WaitInLine<?> wait) {
        if (!wait.start()) {
            suspended.sentError = WaitInLine.startedTwice(wait);
            return suspended;
        }
        Object now;
        try {
            now = wait.now();
        } catch (Throwable failure) {
            suspended.sentError = failure;
            return suspended;
        }
        if (now != WaitInLine.NOT_NOW) {
            suspended.sentValue = now;
            return suspended;
        }
        wait.joinLine();
        frame = suspended;
        waitingOn = wait;
        wait.addWaiter(this);
        if (details != null && details.mustCancel && wait.cancel(details.cancelMessage)) {
            details.mustCancel = false;
        }
        return null;
    }

    /** The frame resumes with what {@code wait} was handed, taken by the operation. */
    @SuppressWarnings("unchecked")
    private static <V> void take(WaitInLine<V> wait, Coroutine<?> resumed) {
        try {
            resumed.sentValue = wait.taken((V) resumed.sentValue);
        } catch (Throwable failure) {
            resumed.sentValue = null;
            resumed.sentError = failure;
        }
    }

    /** A cancellation won over what {@code wait} was handed: the operation gives it back. */
    @SuppressWarnings("unchecked")
    private static <V> void giveBack(WaitInLine<V> wait, Object handed) {
        wait.giveBack((V) handed);
    }

    /**
     * Parks the task in the loop's timer heap until the sleep's deadline. The frame receives the
     * sleep's result now; a cancellation that comes first replaces it, as for any await.
     */
    private void fallAsleep(Coroutine<?> suspended, Sleep<?> sleep) {
        frame = suspended;
        suspended.sentValue = sleep.valueWhenDone();
        if (details != null && details.mustCancel) {
            wakeUp();
            return;
        }
        waitingOn = ASLEEP;
        registry.scheduling.sleepUntil(this, sleep.deadline());
    }

    /** Completes the task with the outcome of its root frame, {@code root}. */
    private void finish(Coroutine<?> root, Object result, Throwable error) {
        frame = root;
        if (error == null && details != null && details.mustCancel) {
            // Cancelled right as the coroutine returned: asyncio lets the cancellation win.
            details.mustCancel = false;
            error = new CancelledException(details.cancelMessage);
        }
        registry.untrack(this);
        if (error == null) {
            settle(State.SUCCEEDED, result, null);
        } else if (error instanceof CancelledException) {
            settle(State.CANCELLED, null, error);
        } else {
            details().lostFailure = registry.watchFailure(this, error);
            settle(State.FAILED, null, error);
        }
    }

    private void cancelAtNextStep(String message) {
        TaskDetails known = details();
        known.mustCancel = true;
        known.cancelMessage = message;
    }

    private TaskDetails details() {
        TaskDetails known = details;
        if (known == null) {
            known = new TaskDetails();
            details = known;
        }
        return known;
    }

    private static IllegalStateException alreadyStarted(Coroutine<?> coroutine) {
        return new IllegalStateException("coroutine already awaited: " + coroutine.getClass().getName()
                + " was started before, and a coroutine runs only once; call its companion method"
                + " again to get a new one");
    }
}
