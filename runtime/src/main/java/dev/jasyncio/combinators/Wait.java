package dev.jasyncio.combinators;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.TimerHandle;
import dev.jasyncio.tasks.AsyncFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code Jasyncio.waitUntil}, asyncio's {@code wait}: watches the futures and completes a result
 * future when they reach the {@link ReturnWhen} condition or the timeout passes, whichever comes
 * first, with the futures split into done and pending. The result never fails because of the
 * timeout and the futures are never cancelled; cancelling the result only stops the waiting.
 *
 * @param <F> the type of the futures
 */
public final class Wait<F extends AsyncFuture<?>> {

    private final List<F> futures;
    private final ReturnWhen returnWhen;
    private final AsyncFuture<DoneAndPending<F>> result;
    private final Consumer<AsyncFuture<?>> onFutureDone = this::futureDone;
    private TimerHandle timer;
    private int pending;

    private Wait(EventLoop loop, List<F> futures, ReturnWhen returnWhen) {
        this.futures = futures;
        this.returnWhen = returnWhen;
        this.result = new AsyncFuture<>(loop);
    }

    /**
     * Starts waiting on the running loop.
     *
     * @param timeout how long to wait at most, or null to wait as long as it takes
     * @throws IllegalArgumentException if {@code futures} is empty or holds a future of another loop
     */
    public static <F extends AsyncFuture<?>> AsyncFuture<DoneAndPending<F>> start(
            Iterable<F> futures, ReturnWhen returnWhen, Duration timeout) {
        Objects.requireNonNull(returnWhen, "returnWhen");
        EventLoop loop = EventLoop.getRunningLoop();
        Set<F> distinct = new LinkedHashSet<>();
        for (F future : futures) {
            if (future.loop() != loop) {
                throw new IllegalArgumentException(future + " belongs to another event loop than " + loop);
            }
            distinct.add(future);
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("waitUntil needs at least one future");
        }
        Wait<F> wait = new Wait<>(loop, new ArrayList<>(distinct), returnWhen);
        wait.begin(loop, timeout);
        return wait.result;
    }

    private void begin(EventLoop loop, Duration timeout) {
        pending = futures.size();
        for (F future : futures) {
            future.addDoneCallback(onFutureDone);
        }
        if (timeout != null) {
            timer = loop.callLater(timeout, this::finish);
        }
        result.addDoneCallback(done -> stopWatching());
    }

    private void futureDone(AsyncFuture<?> future) {
        pending--;
        if (pending == 0
                || returnWhen == ReturnWhen.FIRST_COMPLETED
                || returnWhen == ReturnWhen.FIRST_EXCEPTION && !future.isCancelled() && future.exception() != null) {
            finish();
        }
    }

    private void finish() {
        if (result.isDone()) {
            return;
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> notDone = new LinkedHashSet<>();
        for (F future : futures) {
            (future.isDone() ? done : notDone).add(future);
        }
        result.setResult(new DoneAndPending<>(done, notDone));
    }

    /** The result is done (or cancelled by its awaiter): the futures and the timer need not call back. */
    private void stopWatching() {
        for (F future : futures) {
            future.removeDoneCallback(onFutureDone);
        }
        if (timer != null) {
            timer.cancel();
        }
    }
}
