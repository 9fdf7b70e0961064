package dev.jasyncio.processor.differential;

import dev.jasyncio.Jasyncio;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a differential blueprint talks to: it records every call in a trace and hands out values
 * and awaitables, so that the blueprint run as plain Java and its state machine run on the loop
 * can be compared call by call.
 *
 * <p>The two runs see the same calls; only the awaitables differ. A plain probe gives awaitables
 * that are complete already, which is all an untransformed blueprint can await. A suspending probe
 * gives awaitables that complete one loop turn later, so every await of the machine really
 * suspends.
 */
public final class Probe {

    private final boolean suspending;
    private final List<String> trace = new ArrayList<>();

    private Probe(boolean suspending) {
        this.suspending = suspending;
    }

    /** A probe for the blueprint run as plain Java: its awaitables are complete. */
    public static Probe plain() {
        return new Probe(false);
    }

    /** A probe for the machine on the loop: its awaitables complete one loop turn later. */
    public static Probe suspending() {
        return new Probe(true);
    }

    /** Every entry recorded so far, in order. */
    public List<String> trace() {
        return List.copyOf(trace);
    }

    /** Records {@code event}. */
    public void log(String event) {
        trace.add(event);
    }

    /** Records {@code tag=value} and returns {@code value}: an operand whose evaluation is visible. */
    public int v(String tag, int value) {
        trace.add(tag + "=" + value);
        return value;
    }

    /** Records {@code tag=value} and returns {@code value}. */
    public boolean b(String tag, boolean value) {
        trace.add(tag + "=" + value);
        return value;
    }

    /** Records {@code tag=value} and returns {@code value}. */
    public String s(String tag, String value) {
        trace.add(tag + "=" + value);
        return value;
    }

    /** Records {@code tag=value} when called and gives {@code value} to its await. */
    public Awaitable<Integer> a(String tag, int value) {
        trace.add(tag + "=" + value);
        return later(value);
    }

    /** Records {@code tag=value} when called and gives {@code value} to its await. */
    public Awaitable<Boolean> ab(String tag, boolean value) {
        trace.add(tag + "=" + value);
        return later(value);
    }

    /** Records {@code tag=value} when called and gives {@code value} to its await. */
    public Awaitable<String> as(String tag, String value) {
        trace.add(tag + "=" + value);
        return later(value);
    }

    /** Records {@code tag=value} and returns {@code value}; {@code p.<Shape>o(...)} gives it a wider static type. */
    public <T> T o(String tag, T value) {
        record(tag, value);
        return value;
    }

    /** Records {@code tag=value} when called and gives {@code value} to its await. */
    public <T> Awaitable<T> ao(String tag, T value) {
        record(tag, value);
        return later(value);
    }

    private void record(String tag, Object value) {
        String shown = Arrays.deepToString(new Object[] {value}); // arrays by content, not identity
        trace.add(tag + "=" + shown.substring(1, shown.length() - 1));
    }

    /**
     * Records {@code tag!message} when called; its await throws an {@link IllegalStateException}
     * with {@code message}. The plain probe throws at once: a blueprint awaits what it asks for
     * straight away, so the exception surfaces at the same point of the blueprint either way.
     */
    public Awaitable<Integer> fail(String tag, String message) {
        trace.add(tag + "!" + message);
        return failing(new IllegalStateException(message));
    }

    /**
     * Records {@code tag!message} when called; its await throws an {@link IOException}, a checked
     * exception, with {@code message}. The plain probe throws at once, as {@link #fail} does.
     */
    public Awaitable<Integer> failIo(String tag, String message) {
        trace.add(tag + "!" + message);
        return failing(new IOException(message));
    }

    /** A resource that records {@code open name} now and {@code close name} when closed. */
    public Resource open(String name) {
        return new Resource(this, name, null);
    }

    /** A resource whose close records {@code close name} and then throws {@code message}. */
    public Resource openFailingOnClose(String name, String message) {
        return new Resource(this, name, message);
    }

    private <T> Awaitable<T> failing(Exception failure) {
        if (!suspending) {
            throw Probe.<RuntimeException>sneaky(failure);
        }
        AsyncFuture<T> future = new AsyncFuture<>();
        future.loop().callSoon(() -> future.setException(failure));
        return future;
    }

    /** Throws {@code failure} as is, checked or not, the way an awaited coroutine's failure surfaces. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception failure) throws E {
        throw (E) failure;
    }

    private <T> Awaitable<T> later(T value) {
        return suspending ? Jasyncio.sleep(Duration.ZERO, value) : Jasyncio.done(value);
    }
}
