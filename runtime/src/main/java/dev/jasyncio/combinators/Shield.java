package dev.jasyncio.combinators;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;

/**
 * The future behind {@code Jasyncio.shield}, asyncio's {@code shield}: a future that completes
 * with the operation's outcome, and whose cancellation does not reach the operation. A task that
 * awaits a shielded operation and is cancelled stops waiting (it receives the cancellation), while
 * the operation goes on. A failure of the operation that nobody takes after that is reported by the
 * loop as lost, as for any task.
 */
public final class Shield {

    private Shield() {}

    /** Shields {@code awaitable} (a coroutine is wrapped in a task) on the running loop. */
    public static <T> AsyncFuture<T> of(Awaitable<T> awaitable) {
        EventLoop loop = EventLoop.getRunningLoop();
        AsyncFuture<T> inner = AsyncFuture.ensureFuture(awaitable, loop);
        if (inner.isDone()) {
            return inner;
        }
        AsyncFuture<T> outer = new AsyncFuture<>(loop);
        inner.addDoneCallback(done -> {
            if (!outer.isCancelled()) {
                outer.setOutcome(done.outcome());
            }
        });
        return outer;
    }
}
