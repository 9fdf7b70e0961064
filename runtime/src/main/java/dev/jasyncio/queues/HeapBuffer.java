package dev.jasyncio.queues;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Items in a heap, given out smallest first ({@link dev.jasyncio.queues.PriorityQueue}). */
final class HeapBuffer<T> implements Buffer<T> {

    private final PriorityQueue<T> items;

    /** @param order how items compare, or null for their natural order */
    HeapBuffer(Comparator<? super T> order) {
        items = new PriorityQueue<>(order);
    }

    @Override
    public void add(T item) {
        items.add(item);
    }

    @Override
    public T take() {
        return items.poll();
    }

    @Override
    public void giveBack(T item) {
        items.add(item);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public void clear() {
        items.clear();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
