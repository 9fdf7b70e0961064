package dev.jasyncio.queues;

import java.util.ArrayDeque;

/** Items in arrival order, given out oldest first ({@link Queue}) or newest first ({@link LifoQueue}). */
final class DequeBuffer<T> extends Buffer<T> {

    private final ArrayDeque<T> items;
    private final boolean newestFirst;

    DequeBuffer(boolean newestFirst) {
        this(new ArrayDeque<>(), newestFirst);
    }

    private DequeBuffer(ArrayDeque<T> items, boolean newestFirst) {
        super(items);
        this.items = items;
        this.newestFirst = newestFirst;
    }

    @Override
    T take() {
        return newestFirst ? items.pollLast() : items.pollFirst();
    }

    @Override
    void giveBack(T item) {
        if (newestFirst) {
            items.addLast(item);
        } else {
            items.addFirst(item);
        }
    }
}
