package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.TimerHandle;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timeout scope around part of a coroutine, asyncio's {@code asyncio.timeout}: if the deadline
 * passes before the scope is closed, the await where the task is suspended throws a
 * {@link DeadlineExceededException} (what it awaits is cancelled first, and the task waits until
 * that is finished). Written as a plain try-with-resources:
 *
 * <pre>{@code
 * try (Timeout t = timeout(Duration.ofSeconds(2))) {
 *     await(download());
 * } catch (DeadlineExceededException e) {
 *     ...
 * }
 * }</pre>
 *
 * <h2>How it differs from asyncio, and why</h2>
 * asyncio cancels the task and turns the {@code CancelledError} into a {@code TimeoutError} when
 * it leaves the scope. A Java try-with-resources cannot replace the exception it is leaving with,
 * so the task makes the replacement where it delivers the cancellation instead: the awaits inside
 * the scope (in this coroutine and in the coroutines it awaits) see the
 * {@code DeadlineExceededException}, whose cause is the cancellation, rather than a
 * {@link CancelledException}; tasks it awaits are cancelled as usual. The accounting is asyncio's:
 * the expiry is one cancellation request ({@link Task#cancelling()}), withdrawn when it is
 * delivered; if the task received a cancellation from outside as well, that one wins and a
 * {@code CancelledException} comes out. When nested scopes expire together, the outermost one's
 * exception comes out.
 *
 * <p>One consequence: with nested scopes, a {@code catch (DeadlineExceededException e)} inside an
 * outer scope also catches that outer scope's expiry when it happens during the inner scope. Ask
 * the scope you mean, {@code inner.expired()}, to tell which one it was.
 *
 * <p>Closing the scope before the deadline disarms it. A scope belongs to the task that opened it
 * and must be closed by it, on the loop thread.
 */
public final class Timeout implements AutoCloseable {

    /** The deadline of a scope that never expires, for {@link #reschedule(long)}. */
    public static final long NEVER = Long.MAX_VALUE;

    /** Orders scopes by when they were entered, to find the outermost of several that expired. */
    private static final AtomicLong ENTERED = new AtomicLong();

    private enum State {
        ACTIVE,
        EXPIRED,
        CLOSED
    }

    /** Set by {@link #close()} whatever the state: an expired scope can be closed too. */
    private boolean closed;

    private final Task<?> task;
    private final long entered = ENTERED.incrementAndGet();
    private final int cancellingOnEntry;
    private State state = State.ACTIVE;
    private long deadline = NEVER;
    private TimerHandle timer;

    private Timeout(Task<?> task) {
        this.task = task;
        this.cancellingOnEntry = task.cancelling();
    }

    /**
     * Opens a scope in the running task that expires after {@code delay}; a delay of zero or less
     * expires on the loop's next turn.
     *
     * @throws IllegalStateException if no task is running on this thread
     */
    public static Timeout after(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        EventLoop loop = EventLoop.getRunningLoop();
        Timeout timeout = new Timeout(runningTask(loop));
        timeout.reschedule(deadlineAfter(loop.time(), delay));
        return timeout;
    }

    /**
     * Opens a scope in the running task that expires at {@code deadline} on the loop's clock
     * ({@link EventLoop#time()}), or never for {@link #NEVER}.
     *
     * @throws IllegalStateException if no task is running on this thread
     */
    public static Timeout at(long deadline) {
        Timeout timeout = new Timeout(runningTask(EventLoop.getRunningLoop()));
        timeout.reschedule(deadline);
        return timeout;
    }

    /** The deadline on the loop's clock, or {@link #NEVER}. */
    public long when() {
        return deadline;
    }

    /**
     * Moves the deadline to {@code newDeadline} on the loop's clock ({@link #NEVER} for none); a
     * deadline in the past expires the scope on the loop's next turn.
     *
     * @throws IllegalStateException if the scope expired or was closed already
     */
    public void reschedule(long newDeadline) {
        task.checkOwner("Timeout.reschedule");
        if (state != State.ACTIVE) {
            throw new IllegalStateException("cannot reschedule a timeout scope that "
                    + (state == State.EXPIRED ? "expired already" : "is closed"));
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        deadline = newDeadline;
        if (newDeadline != NEVER) {
            timer = task.loop().callAt(newDeadline, this::expire);
        }
    }

    /** True once the deadline passed while the scope was open. */
    public boolean expired() {
        return state == State.EXPIRED;
    }

    /** Leaves the scope: a deadline that has not passed yet will not expire it any more. */
    @Override
    public void close() {
        task.checkOwner("Timeout.close");
        closed = true;
        if (state == State.ACTIVE) {
            state = State.CLOSED;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    @Override
    public String toString() {
        return "Timeout[" + state.name().toLowerCase(Locale.ROOT)
                + (deadline == NEVER ? ", no deadline" : ", when=" + deadline) + ", " + task.getName() + "]";
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether this scope was entered before {@code other}, so encloses it if both are open in one task. */
    boolean enteredBefore(Timeout other) {
        return entered < other.entered;
    }

    /** {@link Task#cancelling()} when the scope was entered: more requests than that came from elsewhere. */
    int cancellingOnEntry() {
        return cancellingOnEntry;
    }

    String cancelMessage() {
        return "the timeout expired";
    }

    /** The exception this scope's expiry turns {@code cancellation} into. */
    DeadlineExceededException exceeded(CancelledException cancellation) {
        return new DeadlineExceededException("the deadline of the timeout scope passed", cancellation, this);
    }

    private void expire() {
        timer = null;
        if (state == State.ACTIVE && !task.isDone()) {
            state = State.EXPIRED;
            task.expire(this);
        }
    }

    /** {@code now + delay}, saturated: a delay too long to represent never expires. */
    static long deadlineAfter(long now, Duration delay) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return delay.isNegative() ? Long.MIN_VALUE : NEVER;
        }
        long sum = now + nanos;
        if (((now ^ sum) & (nanos ^ sum)) < 0) {
            return nanos > 0 ? NEVER : Long.MIN_VALUE;
        }
        return Math.min(sum, NEVER);
    }

    private static Task<?> runningTask(EventLoop loop) {
        Task<?> current = loop.currentTask();
        if (current == null) {
            throw new IllegalStateException("a timeout scope must be opened inside a task: await the code that"
                    + " opens it, or wrap it in createTask(...)");
        }
        return current;
    }
}
