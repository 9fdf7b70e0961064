package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockedCounterTest {

    @Test
    void theLockedCounterReachesTenWhileTheUnlockedOneLosesEveryIncrementButOne() {
        assertEquals(List.of(1, 10), EventLoop.run(LockedCounterAsync.main(10)));
    }
}
