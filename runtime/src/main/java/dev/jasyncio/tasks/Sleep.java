package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.TimerHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * The awaitable behind {@code Jasyncio.sleep}: a wait of a delay on the loop's clock that gives a
 * value when it ends.
 *
 * <p>Like asyncio's {@code sleep}, which is a coroutine, it starts when it is first used, not when
 * it is created: the delay runs from the moment a task awaits it or a combinator (gather, wait,
 * shield, a new task) takes it. A task that awaits it directly does not need it afterwards: the
 * task itself waits in the loop's timer heap, so a sleeping coroutine costs no future and no timer.
 * Such a sleep is used up, as an awaited coroutine is, and cannot be awaited again; cancelling it
 * wakes the task with a {@link CancelledException}. A sleep taken by a combinator runs as a future
 * completed by a loop timer; cancelling it cancels the timer.
 *
 * @param <T> the type of the value the sleep gives when it ends
 */
public final class Sleep<T> extends AsyncFuture<T> {

    private final long delayNanos;
    private final T result;

    /** The timer of a sleep running as a future; null until then. */
    private TimerHandle timer;

    /** The task that awaited the sleep directly and waits for it in the timer heap, and until when. */
    private Task<?> sleeper;
    private long deadline;

    private Sleep(EventLoop loop, long delayNanos, T result) {
        super(loop);
        this.delayNanos = delayNanos;
        this.result = result;
    }

    /**
     * An awaitable that gives {@code result} after {@code delay}. A delay of zero or less yields to
     * the loop exactly once, like {@code asyncio.sleep(0)}, and needs no running loop.
     *
     * @throws IllegalStateException if the delay is positive and no loop runs on this thread
     */
    public static <T> Awaitable<T> of(Duration delay, T result) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            return YieldOnce.of(result);
        }
        return new Sleep<>(EventLoop.getRunningLoop(), nanosSaturated(delay), result);
    }

    @Override
    public boolean cancel(String message) {
        if (!super.cancel(message)) {
            return false;
        }
        if (timer != null) {
            timer.cancel();
        }
        if (sleeper != null && sleeper.isAsleepIn(this)) {
            sleeper.cancelSleep(message);
        }
        return true;
    }

    @Override
    public String toString() {
        return sleeper != null && !isDone() ? "Sleep[awaited by " + sleeper.getName() + "]" : super.toString();
    }

    /** What the sleep gives when it ends. */
    T valueWhenDone() {
        return result;
    }

    /** The deadline of the sleep if it starts at {@code now} on the loop's clock. */
    long deadlineFrom(long now) {
        long deadline = now + delayNanos;
        return deadline < now ? Long.MAX_VALUE : deadline;
    }

    /** Whether a task awaited this sleep already, which used it up. */
    boolean isUsedUp() {
        return sleeper != null;
    }

    /** What awaiting or starting a used-up sleep fails with. */
    static IllegalStateException usedUp() {
        return new IllegalStateException("this sleep was awaited already, and a sleep runs only once;"
                + " call sleep(...) again for a new one");
    }

    /**
     * Lets {@code task} await the sleep by waiting in the timer heap itself, from {@code now} on
     * the loop's clock until {@link #deadline()}.
     *
     * @return false if the sleep already runs as a future (or is done), which the task then awaits as such
     */
    boolean claimFor(Task<?> task, long now) {
        if (timer != null || isDone()) {
            return false;
        }
        sleeper = task;
        deadline = deadlineFrom(now);
        return true;
    }

    /** The deadline of a sleep that a task claimed. */
    long deadline() {
        return deadline;
    }

    /**
     * The sleep as a future, its timer started if it was not yet: what combinators and new tasks
     * need.
     *
     * @throws IllegalStateException if a task awaited this sleep before
     */
    AsyncFuture<T> startAsFuture() {
        if (sleeper != null) {
            throw usedUp();
        }
        if (timer == null && !isDone()) {
            timer = loop().callAt(deadlineFrom(loop().time()), this::expire);
        }
        return this;
    }

    private void expire() {
        if (!isDone()) {
            settle(State.SUCCEEDED, result, null);
        }
    }

    private static long nanosSaturated(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
