package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionBufferTest {

    @Test
    void twoProducersAndTwoConsumersMeetThroughAConditionAsInAsyncio() {
        // python3.11 prints the same for asyncio.Condition, wait_for and notify.
        assertEquals(List.of(
                "p1 produced p10", "p2 produced p20", "c1 consumed p10", "c1 consumed p20",
                "p1 produced p11", "c2 consumed p11", "p2 produced p21", "c1 consumed p21",
                "p1 produced p12", "c2 consumed p12", "p2 produced p22", "c2 consumed p22"),
                EventLoop.run(ConditionBufferAsync.main()));
    }
}
