package dev.jasyncio.tasks;

/**
 * Rethrows any throwable without wrapping it, so that an awaited blueprint's checked exception
 * reaches the awaiting code exactly as it was thrown, as it would in a plain Java call.
 */
final class Sneaky {

    private Sneaky() {}

    /**
     * Throws {@code throwable} as is. Declared to return an exception so callers can write
     * {@code throw Sneaky.rethrow(e)} and keep the compiler's flow analysis honest.
     */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable throwable) throws E {
        throw (E) throwable;
    }
}
