package dev.jasyncio.tasks;

/**
 * What {@code sleep(0)} returns: awaiting it gives the loop one turn, so callbacks that are ready
 * run before the task goes on, as {@code await asyncio.sleep(0)} does.
 *
 * <p>It never completes and belongs to no loop: the task that awaits it recognises it and simply
 * reschedules itself, so the common {@code sleep(0)} is one shared instance and costs nothing. For
 * the same reason it refuses every method that would change it.
 */
final class YieldOnce<T> extends AsyncFuture<T> {

    private static final YieldOnce<Object> WITHOUT_RESULT = new YieldOnce<>(null);

    private final T result;

    private YieldOnce(T result) {
        super((Void) null);
        this.result = result;
    }

    /** A yield whose await gives {@code result}; the shared instance when {@code result} is null. */
    @SuppressWarnings("unchecked")
    static <T> YieldOnce<T> of(T result) {
        return result == null ? (YieldOnce<T>) WITHOUT_RESULT : new YieldOnce<>(result);
    }

    /** What the await of this yield gives. */
    T value() {
        return result;
    }

    @Override
    void checkOwner(String method) {
        throw new UnsupportedOperationException(
                "sleep(0) can only be awaited; it does not support " + method + "()");
    }

    @Override
    public String toString() {
        return "sleep(0)";
    }
}
