package dev.jasyncio.queues;

import java.util.ArrayDeque;

/** Items in arrival order, given out oldest first ({@link Queue}) or newest first ({@link LifoQueue}). */
final class DequeBuffer<T> implements Buffer<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final boolean newestFirst;

    DequeBuffer(boolean newestFirst) {
        this.newestFirst = newestFirst;
    }

    @Override
    public void add(T item) {
        items.addLast(item);
    }

    @Override
    public T take() {
        return newestFirst ? items.pollLast() : items.pollFirst();
    }

    @Override
    public void giveBack(T item) {
        if (newestFirst) {
            items.addLast(item);
        } else {
            items.addFirst(item);
        }
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
