package dev.jasyncio.it.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProducerConsumerTest {

    @Test
    void twoProducersAndThreeConsumersShareABoundedQueueFairly() {
        ProducerConsumer.Report report = EventLoop.run(ProducerConsumerAsync.main());
        // python3.11 prints the same program (asyncio.Queue(2), sleep(0) where this yields) line for line up
        // to "c1 got b1", which frees a slot while b waits to put b2. asyncio wakes b but lets a, which comes
        // later, take the slot first ("a put a3"); jasyncio's queue promises the slot to b, who waited first.
        assertEquals(List.of(
                "a put a0", "b put b0", "c1 got a0", "a put a1", "c2 got b0", "b put b1", "c3 got a1",
                "a put a2", "c1 got b1", "c2 got a2", "b put b2", "c3 got b2", "a put a3", "b put b3",
                "c1 got a3", "c2 got b3", "producers done", "all done"), report.out);
        assertEquals(List.of("a0", "a1", "a2", "a3"), consumed(report, "a"), "each producer's items come out in order");
        assertEquals(List.of("b0", "b1", "b2", "b3"), consumed(report, "b"));
        assertTrue(report.largestSize <= ProducerConsumer.CAPACITY, "the queue held " + report.largestSize);
        assertTrue(report.consumersCancelled);
    }

    private static List<String> consumed(ProducerConsumer.Report report, String producer) {
        return report.out.stream()
                .filter(line -> line.contains(" got " + producer))
                .map(line -> line.substring(line.indexOf(" got ") + 5))
                .collect(Collectors.toList());
    }
}
