package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitedConcurrencyTest {

    @Test
    void aSemaphoreOfTwoLetsTwoOfFiveWorkersRunAtOnce() {
        LimitedConcurrency.Report report = EventLoop.run(LimitedConcurrencyAsync.main(5, 2));
        assertEquals(2, report.most);
        // python3.11 prints the same for asyncio.Semaphore(2) and five workers.
        assertEquals(List.of(
                "worker 0 starts, 1 running", "worker 1 starts, 2 running", "worker 0 done", "worker 1 done",
                "worker 2 starts, 1 running", "worker 3 starts, 2 running", "worker 2 done", "worker 3 done",
                "worker 4 starts, 1 running", "worker 4 done", "most at once: 2"), report.out);
    }
}
