package dev.jasyncio.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;

/**
 * Runs an event loop turn by turn until a future is done, for scenarios where a bug would leave it
 * pending for ever (a lost wake-up, a lock nobody holds): the test then fails instead of hanging in
 * {@code runUntilComplete}.
 */
public final class RunUntil {

    private static final int MAX_TURNS = 1_000;

    private RunUntil() {}

    public static void done(EventLoop loop, AsyncFuture<?> future) {
        for (int turn = 0; turn < MAX_TURNS && !future.isDone(); turn++) {
            Turns.run(loop, 1);
        }
        assertTrue(future.isDone(), "still pending after " + MAX_TURNS + " turns: " + future);
    }
}
