package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedSectionTest {

    /** The cancelled task's block hands the lock to the next task before the task itself ends. */
    @Test
    void tryWithResourcesReleasesTheLockOnAFailureAndOnACancellation() {
        assertEquals(List.of(
                "failing holds the lock", "after the failure holds the lock", "caught: failed while holding the lock",
                "waiting holds the lock", "after the cancellation holds the lock", "cancelled", "locked at the end: false"),
                EventLoop.run(GuardedSectionAsync.main()));
    }
}
