package dev.jasyncio.tasks;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How an operation ended: with a value or with an exception. {@code gatherReturnExceptions} returns
 * one per awaitable so that one failure does not hide the other results.
 *
 * @param <T> the type of the value
 */
public final class Outcome<T> {

    private final T value;
    private final Throwable exception;

    private Outcome(T value, Throwable exception) {
        this.value = value;
        this.exception = exception;
    }

    /** An outcome that succeeded with {@code value} (which may be null). */
    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, null);
    }

    /** An outcome that failed with {@code exception}. */
    public static <T> Outcome<T> failure(Throwable exception) {
        return new Outcome<>(null, Objects.requireNonNull(exception, "exception"));
    }

    /**
     * The outcome of a completed {@code CompletableFuture}, unwrapped the way {@code await} sees it:
     * a {@link CompletionException} gives way to its cause, and a cancelled future becomes a
     * {@link CancelledException}.
     *
     * @throws InvalidStateException if {@code future} is not done yet
     */
    public static <T> Outcome<T> of(CompletableFuture<? extends T> future) {
        if (!future.isDone()) {
            throw new InvalidStateException("the CompletableFuture is not done yet");
        }
        try {
            return success(future.join());
        } catch (CompletionException | CancellationException e) {
            return ofCompletion(null, e);
        }
    }

    /**
     * The outcome that a {@code CompletionStage} callback such as {@code whenComplete} reports as a
     * value and an exception, unwrapped as in {@link #of(CompletableFuture)}.
     */
    static <T> Outcome<T> ofCompletion(T value, Throwable error) {
        if (error == null) {
            return success(value);
        }
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return failure(new CancelledException(cause.getMessage(), cause));
        }
        return failure(cause);
    }

    public boolean isSuccess() {
        return exception == null;
    }

    /**
     * The value of a success; for a failure, throws its exception as is (checked exceptions
     * included), the way awaiting the operation would have.
     */
    public T value() {
        if (exception != null) {
            throw Sneaky.<RuntimeException>rethrow(exception);
        }
        return value;
    }

    /** The exception of a failure, or null for a success. */
    public Throwable exception() {
        return exception;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outcome<?> that
                && Objects.equals(value, that.value)
                && Objects.equals(exception, that.exception);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, exception);
    }

    @Override
    public String toString() {
        return isSuccess() ? "Outcome.success(" + value + ")" : "Outcome.failure(" + exception + ")";
    }
}
