package dev.jasyncio;

import dev.jasyncio.tasks.Coroutine;

/**
 * What {@link Jasyncio#done} returns: a coroutine that finishes with its value as soon as it runs.
 * A blueprint ends with {@code return done(x)}; the processor turns that into a plain return, so
 * this class matters when a blueprint runs untransformed, where {@link Jasyncio#await} can still
 * read the value.
 */
final class CompletedCoroutine<T> extends Coroutine<T> {

    private final T value;

    CompletedCoroutine(T value) {
        this.value = value;
    }

    T value() {
        return value;
    }

    @Override
    protected Object step() {
        return value;
    }
}
