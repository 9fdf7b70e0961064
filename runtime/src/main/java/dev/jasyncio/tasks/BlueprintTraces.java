package dev.jasyncio.tasks;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stack traces that name the user's blueprint rather than the machine generated from it.
 *
 * <p>When an exception leaves a machine's {@code step()}, the task rewrites each frame of the
 * machine's class in its trace (those of its causes and suppressed exceptions included) into the
 * blueprint frame that {@link Coroutine#blueprintFrame} gives for its line: {@code
 * at demo.FetcherAsync$FetchMachine.step(FetcherAsync.java:65)} becomes {@code
 * at demo.Fetcher.fetch(Fetcher.java:15)}. A rewritten frame names another class, so it is never
 * rewritten twice however far the exception travels. All of this runs only when something is
 * thrown: a machine that completes normally never comes here.
 *
 * <p>An exception that a frame receives from the coroutine it awaits and lets through does not
 * pass through the frame's code on the thread's stack, so its trace would show only the innermost
 * blueprint. The task adds the awaiting frame's position ({@link Coroutine#resumePoint()}) to the
 * trace as it goes, just above the task's own frames: {@code at demo.Fetcher.fetch(Fetcher.java:15)}
 * followed by {@code at demo.Fetcher.fetchAll(Fetcher.java:22)}, the await that called it, as a
 * synchronous call chain would read and as Python's tracebacks of awaits read.
 *
 * <p>The public methods are for generated machines, which keep their line tables as strings in
 * the form the processor documents: step lines as runs {@code "g=b"} (line g and those after it
 * come from blueprint line b), {@code "g=b+"} (they come from b, b+1, ...) and {@code "g=-"} (from
 * nowhere), each up to the next run; resume lines as {@code "label=b"} pairs.
 */
public final class BlueprintTraces {
    private BlueprintTraces() {}

    /**
     * The blueprint frame of a line of a machine's {@code step()}, or null if the line comes from
     * no blueprint line.
     *
     * @param declaringClass the binary name of the blueprint's class
     * @param method the blueprint's name
     * @param file the blueprint's source file, without directories
     * @param stepLines the machine's step line table
     */
    public static StackTraceElement frame(String declaringClass, String method, String file, String stepLines,
            int generatedLine) {
        int line = blueprintLine(stepLines, generatedLine);
        return line <= 0 ? null : new StackTraceElement(declaringClass, method, file, line);
    }

    /**
     * The blueprint frame where a machine resumes at {@code label}, or null if the table does not
     * know the label.
     *
     * @param resumeLines the machine's resume line table
     */
    public static StackTraceElement resumeFrame(String declaringClass, String method, String file, String resumeLines,
            int label) {
        String key = label + "=";
        for (String entry : resumeLines.split(" ")) {
            if (entry.startsWith(key)) {
                return new StackTraceElement(declaringClass, method, file, Integer.parseInt(entry.substring(key.length())));
            }
        }
        return null;
    }

    /** Traces stop growing here, as the JVM's own stop at 1,024 frames by default. */
    private static final int MAX_FRAMES = 1024;

    /**
     * Adds the await where {@code machine} waited to the trace of {@code thrown}, which it received
     * from the coroutine it awaited and lets through: after the frames already there for the
     * blueprints below it, before the frames of the task that drives them.
     */
    static void addAwaitingFrame(Throwable thrown, Coroutine<?> machine) {
        StackTraceElement await = resumePoint(machine);
        StackTraceElement[] trace = thrown.getStackTrace();
        if (await == null || trace.length == 0 || trace.length >= MAX_FRAMES) {
            return;
        }
        int at = 0;
        while (at < trace.length && !trace[at].getClassName().equals(Task.class.getName())) {
            at++;
        }
        StackTraceElement[] longer = new StackTraceElement[trace.length + 1];
        System.arraycopy(trace, 0, longer, 0, at);
        longer[at] = await;
        System.arraycopy(trace, at, longer, at + 1, trace.length - at);
        thrown.setStackTrace(longer);
    }

    /** Rewrites the frames of {@code machine} in the traces of {@code thrown}, which just left its {@code step()}. */
    static void rewrite(Throwable thrown, Coroutine<?> machine) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        rewrite(thrown, machine, machine.getClass().getName(), seen);
    }

    private static void rewrite(Throwable thrown, Coroutine<?> machine, String machineClass, Set<Throwable> seen) {
        if (thrown == null || !seen.add(thrown)) {
            return;
        }
        StackTraceElement[] trace = thrown.getStackTrace();
        boolean changed = false;
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(machineClass)) {
                StackTraceElement blueprint = blueprintFrame(machine, trace[i].getLineNumber());
                if (blueprint != null) {
                    trace[i] = blueprint;
                    changed = true;
                }
            }
        }
        if (changed) {
            thrown.setStackTrace(trace);
        }
        rewrite(thrown.getCause(), machine, machineClass, seen);
        for (Throwable suppressed : thrown.getSuppressed()) {
            rewrite(suppressed, machine, machineClass, seen);
        }
    }

    /** The machine's resume point, or null if it has none or its hook fails. */
    private static StackTraceElement resumePoint(Coroutine<?> machine) {
        try {
            return machine.resumePoint();
        } catch (RuntimeException brokenHook) {
            return null;
        }
    }

    /** The hook's answer; a hook that fails keeps the generated frame, so it can never replace the user's exception. */
    private static StackTraceElement blueprintFrame(Coroutine<?> machine, int generatedLine) {
        try {
            return machine.blueprintFrame(generatedLine);
        } catch (RuntimeException brokenHook) {
            return null;
        }
    }

    private static int blueprintLine(String stepLines, int generatedLine) {
        int found = 0;
        for (String run : stepLines.split(" ")) {
            int equals = run.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            int start = Integer.parseInt(run.substring(0, equals));
            if (start > generatedLine) {
                break;
            }
            String target = run.substring(equals + 1);
            if (target.equals("-")) {
                found = 0;
            } else if (target.endsWith("+")) {
                found = Integer.parseInt(target.substring(0, target.length() - 1)) + generatedLine - start;
            } else {
                found = Integer.parseInt(target);
            }
        }
        return found;
    }
}
