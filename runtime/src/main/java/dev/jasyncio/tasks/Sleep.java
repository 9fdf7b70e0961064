package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.TimerHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * The awaitable behind {@code Jasyncio.sleep}: a future that a loop timer completes after a delay
 * on the loop's clock. Cancelling it cancels the timer.
 *
 * @param <T> the type of the value the sleep gives when it ends
 */
public final class Sleep<T> extends AsyncFuture<T> {

    private final T result;
    private final TimerHandle timer;

    private Sleep(EventLoop loop, Duration delay, T result) {
        super(loop);
        this.result = result;
        this.timer = loop.callLater(delay, this::expire);
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
        return new Sleep<>(EventLoop.getRunningLoop(), delay, result);
    }

    @Override
    public boolean cancel(String message) {
        if (!super.cancel(message)) {
            return false;
        }
        timer.cancel();
        return true;
    }

    private void expire() {
        if (!isDone()) {
            settle(State.SUCCEEDED, result, null);
        }
    }
}
