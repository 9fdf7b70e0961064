package dev.jasyncio.processor.differential;

import java.util.List;

/**
 * What one run of a blueprint showed: how it ended ({@code returned <value>} or
 * {@code threw <class>: <message>}, with any suppressed exceptions) and its probe's trace. Two runs agree when these are equal.
 */
public record Observation(String ending, List<String> trace) {

    static Observation returned(Object value, Probe probe) {
        return new Observation("returned " + value, probe.trace());
    }

    static Observation threw(Throwable failure, Probe probe) {
        return new Observation("threw " + describe(failure), probe.trace());
    }

    /** The class and message of {@code failure} and, in brackets, those of its suppressed exceptions. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getName()).append(": ").append(failure.getMessage());
        for (Throwable suppressed : failure.getSuppressed()) {
            text.append(" [suppressed ").append(describe(suppressed)).append(']');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return ending + "\n  trace " + trace;
    }
}
