package dev.jasyncio.benchmarks;

/** A plain counter shared by the tasks of one loop: one thread, so no synchronisation. */
final class Counter {

    private int value;

    void increment() {
        value++;
    }

    int value() {
        return value;
    }
}
