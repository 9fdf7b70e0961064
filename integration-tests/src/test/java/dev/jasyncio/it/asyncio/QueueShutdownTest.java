package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueShutdownTest {

    @Test
    void consumersTakeWhatIsLeftAfterTheShutdownThenStop() {
        assertEquals(List.of(
                "c1 got 0", "c2 got 1", "c1 got 2", "c2 got 3", "shut down", "c1 got 4",
                "c2 stops", "c1 stops", "joined"), EventLoop.run(QueueShutdownAsync.main(5)));
    }
}
