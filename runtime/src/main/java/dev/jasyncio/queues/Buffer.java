package dev.jasyncio.queues;

/** Where a {@link Queue} keeps its items, and so the order it gives them out in. */
abstract class Buffer<T> {

    private final java.util.Queue<T> items;

    Buffer(java.util.Queue<T> items) {
        this.items = items;
    }

    void add(T item) {
        items.add(item);
    }

    /** Removes the item to give out next; the buffer is not empty. */
    T take() {
        return items.poll();
    }

    /** Puts back an item {@link #take()} gave, so that it is given out next again. */
    abstract void giveBack(T item);

    final int size() {
        return items.size();
    }

    final void clear() {
        items.clear();
    }

    @Override
    public final String toString() {
        return items.toString();
    }
}
