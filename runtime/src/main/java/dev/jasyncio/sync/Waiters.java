package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A first-come, first-served line of tasks waiting to be handed something, one at a time: the lock
 * they asked for, a permit, an item of a queue, a signal. The building block of the primitives of
 * this package and of {@code dev.jasyncio.queues}, public so that other primitives can be built the
 * same way.
 *
 * <p>Each waiter holds a ticket, a future that {@link #handOver} completes with what it is handed.
 * Handing over directly, rather than waking the waiter to try again as asyncio does, keeps the line
 * fair: nobody who comes later can take the thing before the waiter resumes. The price is that a
 * waiter cancelled between being handed something and resuming must give it back; a {@link Turn},
 * which is its own ticket, does that, so primitives normally wait through a {@code Turn} rather
 * than using tickets directly.
 *
 * <p>A line belongs to one event loop and, like everything on it, may only be used on the loop's
 * thread; the primitives that own a line check the thread.
 *
 * @param <T> what a waiter is handed
 */
public final class Waiters<T> {

    private final EventLoop loop;

    /** The tickets in arrival order; cancelled ones stay until their turn leaves or someone skips them. */
    private final ArrayDeque<AsyncFuture<T>> line = new ArrayDeque<>();

    /** An empty line on {@code loop}. */
    public Waiters(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** The loop the line belongs to. */
    public EventLoop loop() {
        return loop;
    }

    /** Joins the end of the line: the ticket is completed by {@link #handOver} or {@link #failAll}. */
    public AsyncFuture<T> join() {
        AsyncFuture<T> ticket = new AsyncFuture<>(loop);
        line.addLast(ticket);
        return ticket;
    }

    /** Puts {@code ticket}, a turn, at the end of the line. */
    void join(Turn<T> ticket) {
        line.addLast(ticket);
    }

    /** Takes {@code ticket} out of the line if it is still in it, as a waiter that gives up does. */
    public void leave(AsyncFuture<T> ticket) {
        if (!ticket.isDone() || ticket.isCancelled()) {
            line.remove(ticket);
        }
    }

    /**
     * True if {@code ticket} was handed something, that is {@link #handOver} completed it, as
     * opposed to being cancelled or failed.
     */
    public static boolean wasHandedOver(AsyncFuture<?> ticket) {
        return ticket.isDone() && !ticket.isCancelled() && ticket.exception() == null;
    }

    /**
     * Hands {@code value} to the first waiter still waiting, skipping cancelled ones.
     *
     * @return false if nobody was waiting, so the caller keeps {@code value}
     */
    public boolean handOver(T value) {
        for (AsyncFuture<T> ticket; (ticket = line.pollFirst()) != null; ) {
            if (!ticket.isDone()) {
                ticket.setResult(value);
                return true;
            }
        }
        return false;
    }

    /**
     * Hands {@code value} to each of the first {@code atMost} waiters still waiting.
     *
     * @return how many waiters were handed {@code value}
     */
    public int handOver(T value, int atMost) {
        int handed = 0;
        while (handed < atMost && handOver(value)) {
            handed++;
        }
        return handed;
    }

    /**
     * Hands {@code value} to every waiter still waiting, emptying the line.
     *
     * @return how many waiters were handed {@code value}
     */
    public int handOverToAll(T value) {
        return handOver(value, Integer.MAX_VALUE);
    }

    /** Fails every waiter with an exception from {@code failure}, one each, and empties the line. */
    public void failAll(Supplier<? extends Throwable> failure) {
        for (AsyncFuture<T> ticket; (ticket = line.pollFirst()) != null; ) {
            if (!ticket.isDone()) {
                ticket.setException(failure.get());
            }
        }
    }

    /** How many waiters are waiting, cancelled ones not counted. */
    public int size() {
        int waiting = 0;
        for (AsyncFuture<T> ticket : line) {
            if (!ticket.isDone()) {
                waiting++;
            }
        }
        return waiting;
    }

    /** A future on this line's loop that is done already with {@code value}. */
    public <R> AsyncFuture<R> completed(R value) {
        AsyncFuture<R> future = new AsyncFuture<>(loop);
        future.setResult(value);
        return future;
    }

    /** A future on this line's loop that has failed already with {@code failure}. */
    public <R> AsyncFuture<R> failed(Throwable failure) {
        AsyncFuture<R> future = new AsyncFuture<>(loop);
        future.setException(failure);
        return future;
    }

    @Override
    public String toString() {
        return "Waiters[" + size() + "]";
    }
}
