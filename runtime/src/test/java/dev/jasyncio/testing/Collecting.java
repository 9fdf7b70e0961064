package dev.jasyncio.testing;

import static dev.jasyncio.Jasyncio.sleep;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** For reports that come when an object is garbage-collected, which no single {@code System.gc()} promises. */
public final class Collecting {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Collecting() {}

    /**
     * A last step that asks for a collection and lets the loop turn, again and again, until
     * {@code done} holds or 20 seconds passed; then the coroutine returns null.
     */
    public static Steps.Step until(BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        return machine -> {
            machine.resume();
            if (done.getAsBoolean() || System.nanoTime() > deadline) {
                return null;
            }
            System.gc();
            machine.again();
            return Steps.awaiting(sleep(Duration.ofMillis(10)));
        };
    }
}
