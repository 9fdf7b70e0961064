package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutScopeTest {

    @Test
    void anExpiredScopeCancelsTheOperationWhichCleansUpBeforeTheTimeoutIsCaught() {
        List<String> log = new ArrayList<>();
        assertTrue(EventLoop.run(TimeoutScopeAsync.scopeExpires(log)));
        assertEquals(List.of("slow operation cleaned up", "timed out"), log);
    }

    @Test
    void aRescheduledScopeLetsTheOperationFinish() {
        List<String> log = new ArrayList<>();
        assertFalse(EventLoop.run(TimeoutScopeAsync.scopeRescheduled(log)));
        assertEquals(List.of("slow operation cleaned up", "finished"), log);
    }

    @Test
    void waitForCancelsTheOperationAndWaitsForItsCleanup() {
        List<String> log = new ArrayList<>();
        EventLoop.run(TimeoutScopeAsync.waitForGivesUp(log));
        assertEquals(List.of("slow operation cleaned up", "wait_for timed out"), log);
    }
}
