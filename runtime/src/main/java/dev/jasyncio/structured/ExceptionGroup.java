package dev.jasyncio.structured;

import java.util.List;

/**
 * Several failures reported together: what a {@link TaskGroup} throws when its tasks (or its body)
 * failed, asyncio's {@code ExceptionGroup}. Each failure is in {@link #exceptions()}, in the order
 * they happened, and is also attached as a suppressed exception so that a printed stack trace
 * shows them all.
 */
public final class ExceptionGroup extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not serialized with the group: the suppressed exceptions carry the same failures. */
    private final transient List<Throwable> exceptions;

    /**
     * @param message what the failures have in common
     * @param exceptions the failures, at least one
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + (exceptions.size() == 1 ? " sub-exception)" : " sub-exceptions)"));
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an exception group needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable exception : this.exceptions) {
            addSuppressed(exception);
        }
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
