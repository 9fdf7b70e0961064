package dev.jasyncio.testing;

import dev.jasyncio.tasks.CancelledException;
import java.util.List;

/** Takes the outcome of an await and notes a cancellation in a log, for scenarios about who was cancelled. */
public final class CancellationLog {

    private CancellationLog() {}

    /** {@code machine.resume()}; if it throws a cancellation, logs "{@code name} cancelled" and rethrows it. */
    public static <R> R resume(Steps<?> machine, List<String> log, String name) {
        try {
            return machine.resume();
        } catch (CancelledException e) {
            log.add(name + " cancelled");
            throw e;
        }
    }
}
