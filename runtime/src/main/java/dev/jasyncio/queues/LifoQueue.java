package dev.jasyncio.queues;

import dev.jasyncio.loop.EventLoop;

/**
 * A {@link Queue} that gives out the item put last first: asyncio's {@code LifoQueue}. Waiting,
 * capacity, work tracking and shutting down work as in {@code Queue}.
 *
 * @param <T> the type of the items
 */
public final class LifoQueue<T> extends Queue<T> {

    /** An unbounded stack on the loop running on this thread. */
    public LifoQueue() {
        this(UNBOUNDED);
    }

    /**
     * A stack that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), on the
     * loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public LifoQueue(int capacity) {
        this(EventLoop.getRunningLoop(), capacity);
    }

    /**
     * A stack that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), on
     * {@code loop}.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public LifoQueue(EventLoop loop, int capacity) {
        super(loop, capacity, new DequeBuffer<>(true));
    }
}
