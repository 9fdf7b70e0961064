package dev.jasyncio.testing;

import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Coroutine;
import java.util.concurrent.CompletionStage;

/**
 * A hand-written state machine standing in for one the processor generates: a list of steps, each
 * either ending the coroutine with a value (or an exception) or asking to await something with
 * {@link #awaiting}. The next step reads that await's outcome with {@link #resume()}, exactly
 * where generated code calls {@code resumeValue()}, so it can catch the exception there.
 *
 * <pre>{@code
 * Steps.of(
 *     m -> awaiting(sleep(10)),
 *     m -> { m.resume(); return "slept"; })
 * }</pre>
 */
public final class Steps<T> extends Coroutine<T> {

    /** One step of the machine; returns {@link #awaiting(Awaitable)}'s marker or the result. */
    @FunctionalInterface
    public interface Step {
        Object run(Steps<?> machine) throws Throwable;
    }

    private record Await(Object target) {}

    private final Step[] steps;

    private Steps(Step[] steps) {
        this.steps = steps.clone();
    }

    public static <T> Steps<T> of(Step... steps) {
        return new Steps<>(steps);
    }

    /** A coroutine that returns {@code value} when it runs. */
    public static <T> Steps<T> returning(T value) {
        return of(machine -> value);
    }

    /** A coroutine that throws {@code exception} when it runs. */
    public static <T> Steps<T> throwing(Throwable exception) {
        return of(machine -> {
            throw exception;
        });
    }

    /** Returned by a step: await {@code awaitable}, then go on with the next step. */
    public static Object awaiting(Awaitable<?> awaitable) {
        return new Await(awaitable);
    }

    /** Returned by a step: await {@code stage}, then go on with the next step. */
    public static Object awaiting(CompletionStage<?> stage) {
        return new Await(stage);
    }

    /** Makes the running step run again after its await, rather than the next one: a loop. */
    public void again() {
        label--;
    }

    /** The outcome of the previous step's await: its value, or its exception thrown. */
    public <R> R resume() {
        return resumeValue();
    }

    /** The outcome of the previous step's await: its value, or the exception it threw, returned. */
    public Object resumeOrThrown() {
        try {
            return resumeValue();
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    @Override
    protected Object step() throws Throwable {
        while (true) {
            Object outcome = steps[label++].run(this);
            if (!(outcome instanceof Await request)) {
                return outcome;
            }
            boolean suspends = request.target() instanceof CompletionStage<?> stage
                    ? awaitSuspends(stage)
                    : awaitSuspends((Awaitable<?>) request.target());
            if (suspends) {
                return SUSPENDED;
            }
        }
    }
}
