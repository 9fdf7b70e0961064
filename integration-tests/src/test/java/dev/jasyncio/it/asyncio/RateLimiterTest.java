package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Duration PERIOD = Duration.ofMillis(200);

    @Test
    void noMoreThanThreeCallsStartInAnyPeriod() {
        List<Long> starts = EventLoop.run(RateLimiterAsync.main(9, 3, PERIOD));
        assertEquals(9, starts.size());
        long period = PERIOD.toNanos();
        for (int i = 0; i + 3 < starts.size(); i++) {
            long gap = starts.get(i + 3) - starts.get(i);
            assertTrue(gap >= period, "calls " + i + " and " + (i + 3) + " started " + gap + " ns apart");
        }
        long firstRound = starts.get(2) - starts.get(0);
        assertTrue(firstRound < period, "the first three calls wait for nothing, yet took " + firstRound + " ns");
    }
}
