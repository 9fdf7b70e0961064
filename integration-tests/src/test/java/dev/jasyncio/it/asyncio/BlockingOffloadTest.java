package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.it.asyncio.BlockingOffload.Report;
import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingOffloadTest {

    @Test
    void aBlockingCallOnTheExecutorOrAThreadLeavesTheLoopRunning() {
        List<Report> reports = EventLoop.run(BlockingOffloadAsync.main());
        assertEquals(2, reports.size());
        for (Report report : reports) {
            assertEquals("read done", report.result(), "the ticker ticked while the call blocked");
            assertNotEquals(report.loopThread(), report.callThread());
            assertTrue(report.ticksWhileBlocked() >= 2, report::toString);
        }
    }
}
