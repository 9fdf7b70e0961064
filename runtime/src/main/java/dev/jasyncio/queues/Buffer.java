package dev.jasyncio.queues;

/** Where a {@link Queue} keeps its items, and so the order it gives them out in. */
interface Buffer<T> {

    void add(T item);

    /** Removes the item to give out next; the buffer is not empty. */
    T take();

    /** Puts back an item {@link #take()} gave, so that it is given out next again. */
    void giveBack(T item);

    int size();

    void clear();
}
