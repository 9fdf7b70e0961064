package dev.jasyncio.queues;

import dev.jasyncio.loop.EventLoop;
import java.util.Comparator;

/**
 * A {@link Queue} that gives out its smallest item first: asyncio's {@code PriorityQueue}. Items
 * are compared by a {@link Comparator}, or by their natural order. Items that compare equal come
 * out in no particular order, as with asyncio's heap: add a sequence number to the key where
 * their order matters. Waiting, capacity, work tracking and shutting down work as in
 * {@code Queue}.
 *
 * @param <T> the type of the items
 */
public final class PriorityQueue<T> extends Queue<T> {

    /** An unbounded queue of {@code Comparable} items on the loop running on this thread. */
    public PriorityQueue() {
        this(UNBOUNDED, null);
    }

    /**
     * A queue that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), compared
     * by {@code order} (or by their natural order if it is null), on the loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public PriorityQueue(int capacity, Comparator<? super T> order) {
        this(EventLoop.getRunningLoop(), capacity, order);
    }

    /**
     * A queue that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), compared
     * by {@code order} (or by their natural order if it is null), on {@code loop}.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public PriorityQueue(EventLoop loop, int capacity, Comparator<? super T> order) {
        super(loop, capacity, new HeapBuffer<>(order));
    }
}
