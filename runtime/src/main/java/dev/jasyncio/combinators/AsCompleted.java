package dev.jasyncio.combinators;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.TimerHandle;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list behind {@code Jasyncio.asCompleted}, asyncio's {@code as_completed}: one future per
 * operation, in completion order. The first future of the list completes with the outcome of the
 * operation that finishes first, the second with the next one, and so on, so an {@code @Async}
 * loop handles each result as soon as it is there:
 *
 * <pre>{@code
 * for (AsyncFuture<String> next : asCompleted(List.of(fetch("a"), fetch("b")))) {
 *     System.out.println(await(next));
 * }
 * }</pre>
 *
 * <p>Coroutines are wrapped in tasks. With a timeout, the futures not completed when it passes
 * fail with {@link DeadlineExceededException}; the operations themselves are not cancelled.
 */
public final class AsCompleted {

    private AsCompleted() {}

    /**
     * Starts the operations on the running loop and returns the futures of their outcomes in
     * completion order; an awaitable passed twice runs once and fills one place.
     *
     * @param timeout how long to wait at most, or null to wait as long as it takes
     */
    public static <T> List<AsyncFuture<T>> start(
            Iterable<? extends Awaitable<? extends T>> awaitables, Duration timeout) {
        EventLoop loop = EventLoop.getRunningLoop();
        Map<Awaitable<?>, AsyncFuture<? extends T>> operations = new IdentityHashMap<>();
        for (Awaitable<? extends T> awaitable : awaitables) {
            operations.computeIfAbsent(awaitable, a -> AsyncFuture.ensureFuture(awaitable, loop));
        }
        List<AsyncFuture<T>> inOrder = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            inOrder.add(new AsyncFuture<>(loop));
        }
        Filler<T> filler = new Filler<>(inOrder);
        for (AsyncFuture<? extends T> operation : operations.values()) {
            operation.addDoneCallback(filler::fill);
        }
        if (timeout != null && !inOrder.isEmpty()) {
            TimerHandle timer = loop.callLater(timeout, filler::expire);
            inOrder.get(inOrder.size() - 1).addDoneCallback(last -> timer.cancel());
        }
        return Collections.unmodifiableList(inOrder);
    }

    /** Hands each finished operation's outcome to the next place in completion order. */
    private static final class Filler<T> {
        private final List<AsyncFuture<T>> places;
        private int filled;

        Filler(List<AsyncFuture<T>> places) {
            this.places = places;
        }

        void fill(AsyncFuture<? extends T> operation) {
            while (filled < places.size()) {
                AsyncFuture<T> place = places.get(filled++);
                // A place is done already only if its awaiter cancelled it: give the outcome to the next.
                if (!place.isDone()) {
                    place.setOutcome(operation.outcome());
                    return;
                }
            }
        }

        void expire() {
            for (int i = filled; i < places.size(); i++) {
                AsyncFuture<T> place = places.get(i);
                if (!place.isDone()) {
                    place.setOutcome(Outcome.failure(new DeadlineExceededException(
                            "asCompleted: the timeout passed before this operation completed", null)));
                }
            }
            filled = places.size();
        }
    }
}
