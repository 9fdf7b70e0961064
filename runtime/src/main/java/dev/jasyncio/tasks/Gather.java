package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The future behind {@code Jasyncio.gather}: runs awaitables concurrently and completes with their
 * results in argument order, whatever order they finish in, as {@code asyncio.gather} does.
 *
 * <p>Coroutines are wrapped in tasks. Without {@code returnExceptions}, the first child that fails
 * fails the gather at once (a cancelled child with a {@link CancelledException}) and the other
 * children keep running. With it, every child's {@link Outcome} is collected instead. Cancelling the
 * gather cancels the children that are still running, and the gather ends cancelled.
 *
 * @param <R> the type of each element of the result list
 */
public final class Gather<R> extends AsyncFuture<List<R>> {

    private final List<AsyncFuture<?>> children;
    private final boolean returnExceptions;
    private final Watcher childWatcher = this::childDone;
    private int finished;
    private boolean cancelRequested;
    private String cancelMessage;

    private Gather(EventLoop loop, List<AsyncFuture<?>> children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.returnExceptions = returnExceptions;
    }

    /** Gathers the values of {@code awaitables}; the first failure fails the result. */
    public static <T> AsyncFuture<List<T>> all(
            EventLoop loop, Collection<? extends Awaitable<? extends T>> awaitables) {
        return start(loop, awaitables, false);
    }

    /** Gathers the outcome of every one of {@code awaitables}, failures included. */
    public static <T> AsyncFuture<List<Outcome<T>>> allOutcomes(
            EventLoop loop, Collection<? extends Awaitable<? extends T>> awaitables) {
        return start(loop, awaitables, true);
    }

    private static <R> Gather<R> start(
            EventLoop loop, Collection<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        List<AsyncFuture<?>> children = new ArrayList<>(awaitables.size());
        // As asyncio does, a coroutine passed twice runs once and gives its outcome in both places.
        // Only coroutines need the map: a future passed twice is simply watched twice, and gathering
        // many tasks (the common case) would spend most of its time hashing them.
        Map<Coroutine<?>, AsyncFuture<?>> wrapped = null;
        for (Awaitable<?> awaitable : awaitables) {
            if (awaitable instanceof Coroutine<?> coroutine) {
                if (wrapped == null) {
                    wrapped = new IdentityHashMap<>();
                }
                children.add(wrapped.computeIfAbsent(coroutine, c -> ensureFuture(c, loop)));
            } else {
                children.add(ensureFuture(awaitable, loop));
            }
        }
        Gather<R> gather = new Gather<>(loop, children, returnExceptions);
        if (children.isEmpty()) {
            gather.settle(State.SUCCEEDED, List.of(), null);
        }
        for (AsyncFuture<?> child : children) {
            child.addWatcher(gather.childWatcher);
        }
        return gather;
    }

    /**
     * Cancels every child that is still running; the gather then ends cancelled.
     *
     * @return true if at least one child was cancelled
     */
    @Override
    public boolean cancel(String message) {
        checkOwner("cancel");
        if (isDone()) {
            return false;
        }
        boolean cancelledAny = false;
        for (AsyncFuture<?> child : children) {
            cancelledAny |= child.cancel(message);
        }
        if (cancelledAny) {
            cancelRequested = true;
            cancelMessage = message;
        }
        return cancelledAny;
    }

    /**
     * Counts a child that completed. The gather watches its children inline rather than through
     * done callbacks: it runs no user code, and the task that awaits the gather is woken through the
     * loop anyway, so there is no re-entrance to fear and no loop turn to spend per child.
     */
    private void childDone(AsyncFuture<?> child) {
        finished++;
        if (isDone()) {
            // The gather failed already and its awaiter saw that failure; like asyncio, count this
            // child's exception as retrieved rather than report it as lost.
            child.outcomeError();
            return;
        }
        if (!returnExceptions) {
            Throwable failure = child.outcomeError();
            if (failure != null) {
                boolean cancelled = cancelRequested && failure instanceof CancelledException;
                settle(cancelled ? State.CANCELLED : State.FAILED, null, failure);
                return;
            }
        }
        if (finished == children.size()) {
            if (cancelRequested) {
                settle(State.CANCELLED, null, new CancelledException(cancelMessage));
            } else {
                settle(State.SUCCEEDED, results(), null);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<R> results() {
        List<R> results = new ArrayList<>(children.size());
        for (AsyncFuture<?> child : children) {
            results.add((R) (returnExceptions ? child.outcome() : child.outcomeValue()));
        }
        return results;
    }
}
