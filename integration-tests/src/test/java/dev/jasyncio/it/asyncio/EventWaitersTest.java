package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWaitersTest {

    @Test
    void threeWaitersWakeWhenTheEventIsSetInTheOrderTheyWaited() {
        assertEquals(List.of(
                "waiter 0 waiting", "waiter 1 waiting", "waiter 2 waiting", "setting the event",
                "waiter 0 woke up", "waiter 1 woke up", "waiter 2 woke up"), EventLoop.run(EventWaitersAsync.main()));
    }
}
