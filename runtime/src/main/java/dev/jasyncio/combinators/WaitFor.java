package dev.jasyncio.combinators;

import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Timeout;
import java.time.Duration;
import java.util.Objects;

/**
 * The coroutine behind {@code Jasyncio.waitFor}, asyncio's {@code wait_for}: awaits an operation
 * inside a {@link Timeout} scope. When the timeout expires the operation is cancelled, the
 * coroutine waits until it has finished cancelling, and then throws
 * {@link DeadlineExceededException}; an operation that refuses the cancellation and returns a
 * value gives that value.
 *
 * @param <T> the type of the operation's result
 */
public final class WaitFor<T> extends Coroutine<T> {

    private final Awaitable<T> operation;
    private final Duration timeout;
    private Timeout scope;

    /** A coroutine that awaits {@code operation} for at most {@code timeout}. */
    public WaitFor(Awaitable<T> operation, Duration timeout) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    protected Object step() {
        if (label == 0) {
            label = 1;
            scope = Timeout.after(timeout);
            if (awaitSuspends(operation)) {
                return SUSPENDED;
            }
        }
        try {
            return resumeValue();
        } finally {
            scope.close();
        }
    }
}
