package dev.jasyncio.loop;

import java.util.Arrays;
import java.util.Deque;

/**
 * The loop's timers: a binary min-heap ordered by deadline, then by scheduling order.
 *
 * <p>Cancelling a timer leaves it in the heap, because finding it there would cost O(n); the
 * queue only counts it. Cancelled timers are dropped when they reach the top, and when they make up
 * most of a large heap the heap is rebuilt without them, so that a program that keeps scheduling
 * and cancelling timeouts does not grow the heap without bound. CPython's event loop does the same.
 */
final class TimerQueue {

    /** Heaps smaller than this are never compacted: dropping from the top is cheap enough. */
    private static final int MIN_SIZE_TO_COMPACT = 100;

    private TimerHandle[] heap = new TimerHandle[16];
    private int size;
    private int cancelled;
    private long nextSequence;

    void add(TimerHandle timer) {
        timer.sequence = nextSequence++;
        timer.queue = this;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = timer;
        siftUp(size++);
    }

    /** Called by a timer of this queue when it is cancelled. */
    void timerCancelled() {
        cancelled++;
    }

    /**
     * Drops cancelled timers: all of them if they are most of a large heap, else those on top, so
     * that {@link #earliestDeadline()} is the deadline of a timer that will run.
     */
    void purge() {
        if (size > MIN_SIZE_TO_COMPACT && cancelled * 2 > size) {
            compact();
        } else {
            while (size > 0 && heap[0].isCancelled()) {
                pollFirst();
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The deadline of the first timer; only meaningful when the queue is not empty. */
    long earliestDeadline() {
        return heap[0].when();
    }

    /** Moves every timer due at {@code now} to {@code ready}, earliest first. */
    void moveExpired(long now, Deque<Object> ready) {
        while (size > 0 && heap[0].when() <= now) {
            ready.addLast(pollFirst());
        }
    }

    /** Number of timers in the heap, cancelled ones included. */
    int size() {
        return size;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].queue = null;
            heap[i] = null;
        }
        size = 0;
        cancelled = 0;
    }

    private TimerHandle pollFirst() {
        TimerHandle first = heap[0];
        first.queue = null;
        if (first.isCancelled()) {
            cancelled--;
        }
        size--;
        heap[0] = heap[size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0);
        }
        return first;
    }

    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle timer = heap[i];
            if (timer.isCancelled()) {
                timer.queue = null;
            } else {
                heap[live++] = timer;
            }
        }
        Arrays.fill(heap, live, size, null);
        size = live;
        cancelled = 0;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void siftUp(int index) {
        TimerHandle timer = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!timer.runsBefore(heap[parent])) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = timer;
    }

    private void siftDown(int index) {
        TimerHandle timer = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && heap[right].runsBefore(heap[child])) {
                child = right;
            }
            if (!heap[child].runsBefore(timer)) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = timer;
    }
}
