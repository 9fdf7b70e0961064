package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelWithCleanupTest {

    @Test
    void aCancelledWorkerClosesItsResourceRunsItsHandlersAndEndsCancelled() {
        List<String> log = new ArrayList<>();
        assertTrue(EventLoop.run(CancelWithCleanupAsync.main(log)), "the task ends cancelled");

        assertEquals("connection opened", log.get(0));
        int ticks = 0;
        while (log.get(1 + ticks).startsWith("tick ")) {
            assertEquals("tick " + ticks + " on connection", log.get(1 + ticks));
            ticks++;
        }
        assertTrue(ticks >= 1, log::toString);
        assertEquals(List.of("connection closed", "worker cancelled: shutting down", "worker finally",
                "main saw: shutting down"), log.subList(1 + ticks, log.size()));
    }
}
