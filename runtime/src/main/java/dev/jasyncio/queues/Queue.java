package dev.jasyncio.queues;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.sync.Event;
import dev.jasyncio.sync.Turn;
import dev.jasyncio.sync.Waiters;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import java.util.Objects;

/**
 * A first-in, first-out queue between tasks on one event loop: asyncio's {@code Queue}, with
 * {@link LifoQueue} and {@link PriorityQueue} for the other orders.
 *
 * <h2>Waiting</h2>
 * {@link #get()} waits while the queue is empty and {@link #put} while it is full (a queue created
 * with a capacity; by default it is unbounded), which holds fast producers back. Both are fair:
 * an item put while tasks wait to get goes straight to the one that has waited longest, and a slot
 * freed while tasks wait to put goes to the one that has waited longest, so nobody overtakes a
 * waiter. An item handed to a waiting task, or a slot promised to one, counts against the capacity
 * until that task resumes, exactly as the item would in asyncio. A task cancelled while it waits
 * leaves the line; one cancelled after it was handed an item gives the item back to the front of
 * the queue, and one cancelled after it was promised a slot passes the slot on: a cancelled
 * {@code get} takes nothing and a cancelled {@code put} puts nothing. {@link #getNow()} and
 * {@link #putNow} never wait and fail with {@link QueueEmptyException} and
 * {@link QueueFullException} instead.
 *
 * <h2>Tracking work</h2>
 * Every item put counts as unfinished work until a consumer calls {@link #taskDone()} for it;
 * {@link #join()} waits until no work is unfinished.
 *
 * <h2>Shutting down</h2>
 * After {@link #shutdown()}, putting fails with {@link QueueShutdownException}, and so does
 * getting once the items left are gone; tasks waiting to put or to get on an empty queue fail with
 * it at once. {@link #shutdown(boolean) shutdown(true)} also drops the items left, counting each as
 * done, so getting fails at once too (asyncio 3.13's {@code shutdown(immediate=True)}).
 *
 * <p>Items may not be null. Loop-affine: use the queue only on its loop's thread.
 *
 * @param <T> the type of the items
 */
public sealed class Queue<T> permits LifoQueue, PriorityQueue {

    /** The capacity of a queue without one: {@code put} never waits. */
    public static final int UNBOUNDED = 0;

    private final Buffer<T> buffer;
    private final int capacity;
    private final Waiters<T> getters;
    private final Waiters<Void> putters;
    private final Event allDone;
    private AsyncFuture<Void> putAtOnce;

    /** Items handed to waiting getters that have not resumed yet. */
    private int handedToGetters;

    /** Free slots promised to waiting putters that have not resumed yet. */
    private int promisedToPutters;

    private int unfinished;
    private boolean shutDown;
    private boolean dropped;

    /** An unbounded queue on the loop running on this thread. */
    public Queue() {
        this(UNBOUNDED);
    }

    /**
     * A queue that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), on the
     * loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public Queue(int capacity) {
        this(EventLoop.getRunningLoop(), capacity);
    }

    /**
     * A queue that holds at most {@code capacity} items ({@link #UNBOUNDED} for no limit), on
     * {@code loop}.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public Queue(EventLoop loop, int capacity) {
        this(loop, capacity, new DequeBuffer<>(false));
    }

    Queue(EventLoop loop, int capacity, Buffer<T> buffer) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a queue's capacity is 0 (unbounded) or more, not " + capacity);
        }
        this.buffer = buffer;
        this.capacity = capacity;
        this.getters = new Waiters<>(loop);
        this.putters = new Waiters<>(loop);
        this.allDone = new Event(loop);
        allDone.set();
    }

    /**
     * Puts {@code item} in the queue, waiting for a free slot while the queue is full. When there is
     * room the item is put when this method is called, and the awaitable is complete already;
     * otherwise the caller waits in line when it awaits the awaitable.
     *
     * @throws QueueShutdownException (when awaited) if the queue is shut down
     */
    public Awaitable<Void> put(T item) {
        checkThread("Queue.put");
        Objects.requireNonNull(item, "item");
        if (shutDown) {
            return getters.failed(shutDown("put"));
        }
        if (!hasRoom()) {
            return new Put(item);
        }
        deliver(item);
        if (putAtOnce == null) {
            putAtOnce = getters.completed(null);
        }
        return putAtOnce;
    }

    /**
     * Puts {@code item} in the queue if there is room now.
     *
     * @throws QueueFullException if the queue is full
     * @throws QueueShutdownException if the queue is shut down
     */
    public void putNow(T item) {
        checkThread("Queue.putNow");
        Objects.requireNonNull(item, "item");
        if (shutDown) {
            throw shutDown("put");
        }
        if (!hasRoom()) {
            throw new QueueFullException("the queue is full: it holds " + capacity + " items");
        }
        deliver(item);
    }

    /**
     * Takes the next item, waiting while the queue is empty. An item that is there is taken when
     * this method is called, and the awaitable is complete already; otherwise the caller waits in
     * line when it awaits the awaitable.
     *
     * @throws QueueShutdownException (when awaited) if the queue is shut down and empty
     */
    public Awaitable<T> get() {
        checkThread("Queue.get");
        if (buffer.size() > 0) {
            return getters.completed(takeFromBuffer());
        }
        if (shutDown) {
            return getters.failed(shutDown("get"));
        }
        return new Get();
    }

    /**
     * Takes the next item if there is one now.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutdownException if the queue is shut down and empty
     */
    public T getNow() {
        checkThread("Queue.getNow");
        if (buffer.size() > 0) {
            return takeFromBuffer();
        }
        if (shutDown) {
            throw shutDown("get");
        }
        throw new QueueEmptyException("the queue is empty");
    }

    /**
     * Tells the queue that the work on one item taken from it is finished; when all items put are
     * finished, {@link #join()} returns.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        checkThread("Queue.taskDone");
        if (unfinished == 0) {
            throw new IllegalStateException("taskDone() called more times than items were put in the queue");
        }
        finishOne();
    }

    /** Waits until every item put has been finished with {@link #taskDone()}. */
    public Awaitable<Void> join() {
        checkThread("Queue.join");
        return allDone.waitSet();
    }

    /** Same as {@link #shutdown(boolean) shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: putting fails with {@link QueueShutdownException} from now on, and so do
     * the tasks waiting to put, and to get from the empty queue. If {@code immediate}, the items
     * left are dropped and counted as done with {@link #taskDone()} (which may let {@link #join()}
     * return), so getting fails at once too; items handed to waiting getters that have not resumed
     * yet are dropped with them.
     */
    public void shutdown(boolean immediate) {
        checkThread("Queue.shutdown");
        shutDown = true;
        if (immediate && !dropped) {
            dropped = true;
            for (int left = buffer.size(); left > 0; left--) {
                finishDropped();
            }
            buffer.clear();
        }
        getters.failAll(() -> shutDown("get"));
        putters.failAll(() -> shutDown("put"));
    }

    /** How many items are in the queue, waiting to be taken. */
    public int size() {
        checkThread("Queue.size");
        return buffer.size();
    }

    /** The most items the queue holds, or {@link #UNBOUNDED}. */
    public int capacity() {
        return capacity;
    }

    /** True if {@link #getNow()} would find nothing. */
    public boolean isEmpty() {
        checkThread("Queue.isEmpty");
        return buffer.size() == 0;
    }

    /** True if {@link #putNow} would find no room. */
    public boolean isFull() {
        checkThread("Queue.isFull");
        return !hasRoom();
    }

    /** True once {@link #shutdown} was called. */
    public boolean isShutdown() {
        checkThread("Queue.isShutdown");
        return shutDown;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + buffer + (capacity == UNBOUNDED ? "" : ", capacity=" + capacity)
                + ", getters=" + getters.size() + ", putters=" + putters.size() + ", unfinished=" + unfinished
                + (shutDown ? ", shut down" : "") + "]";
    }

    private void checkThread(String operation) {
        getters.loop().checkThread(operation);
    }

    private boolean hasRoom() {
        return capacity == UNBOUNDED || buffer.size() + handedToGetters + promisedToPutters < capacity;
    }

    /** Adds a new item: to the longest-waiting getter, or to the buffer if nobody waits. */
    private void deliver(T item) {
        if (unfinished++ == 0) {
            allDone.clear();
        }
        if (getters.handOver(item)) {
            handedToGetters++;
        } else {
            buffer.add(item);
        }
    }

    private T takeFromBuffer() {
        T item = buffer.take();
        offerSlot();
        return item;
    }

    /** Promises the slot just freed to the longest-waiting putter, if any. */
    private void offerSlot() {
        if (hasRoom() && putters.handOver(null)) {
            promisedToPutters++;
        }
    }

    private void finishOne() {
        if (--unfinished == 0) {
            allDone.set();
        }
    }

    /** Counts an item dropped by an immediate shutdown as done, unless taskDone() was called ahead for it. */
    private void finishDropped() {
        if (unfinished > 0) {
            finishOne();
        }
    }

    private static QueueShutdownException shutDown(String operation) {
        return new QueueShutdownException("cannot " + operation + ": the queue is shut down"
                + ("get".equals(operation) ? " and has no items left" : ""));
    }

    /** Waits in line for an item. */
    private final class Get extends Turn<T> {

        Get() {
            super(getters);
        }

        @Override
        protected Waiters<T> waiters() {
            return getters;
        }

        @Override
        protected Object now() {
            if (buffer.size() > 0) {
                return takeFromBuffer();
            }
            if (shutDown) {
                throw shutDown("get");
            }
            return NOT_NOW;
        }

        @Override
        protected T taken(T item) {
            handedToGetters--;
            if (dropped) {
                finishDropped();
                throw shutDown("get");
            }
            offerSlot();
            return item;
        }

        @Override
        protected void giveBack(T item) {
            handedToGetters--;
            if (dropped) {
                finishDropped();
            } else if (getters.handOver(item)) {
                handedToGetters++;
            } else {
                buffer.giveBack(item);
            }
        }
    }

    /** Waits in line for a free slot, then puts its item. */
    private final class Put extends Turn<Void> {

        private final T item;

        Put(T item) {
            super(putters);
            this.item = item;
        }

        @Override
        protected Waiters<Void> waiters() {
            return putters;
        }

        @Override
        protected Object now() {
            if (shutDown) {
                throw shutDown("put");
            }
            if (!hasRoom()) {
                return NOT_NOW;
            }
            deliver(item);
            return null;
        }

        @Override
        protected Void taken(Void slot) {
            promisedToPutters--;
            if (shutDown) {
                throw shutDown("put");
            }
            deliver(item);
            return null;
        }

        @Override
        protected void giveBack(Void slot) {
            promisedToPutters--;
            offerSlot();
        }
    }
}
