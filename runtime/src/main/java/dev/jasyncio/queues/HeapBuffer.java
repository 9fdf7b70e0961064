package dev.jasyncio.queues;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Items in a heap, given out smallest first ({@link dev.jasyncio.queues.PriorityQueue}). */
final class HeapBuffer<T> extends Buffer<T> {

    /** @param order how items compare, or null for their natural order */
    HeapBuffer(Comparator<? super T> order) {
        super(new PriorityQueue<>(order));
    }

    @Override
    void giveBack(T item) {
        add(item);
    }
}
