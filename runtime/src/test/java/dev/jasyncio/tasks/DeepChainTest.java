package dev.jasyncio.tasks;

import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.AwaitMany;
import dev.jasyncio.testing.Chain;
import dev.jasyncio.testing.Steps;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The task drives chains of awaits with a loop, not recursion, and resumes at the innermost frame. */
class DeepChainTest {

    private static final int DEEP = 100_000;

    @Test
    void aHundredThousandNestedAwaitsGoDownAndComeBackWithAValue() {
        assertEquals(DEEP + 7, EventLoop.run(new Chain(DEEP, () -> Steps.returning(7))));
    }

    @Test
    void aHundredThousandNestedAwaitsComeBackAfterTheInnermostFrameSuspended() {
        int result = EventLoop.run(new Chain(DEEP, () -> Steps.of(m -> awaiting(sleep(1)), m -> {
            m.resume();
            return 7;
        })));
        assertEquals(DEEP + 7, result);
    }

    @Test
    void aCheckedExceptionUnwindsAHundredThousandFramesAsIs() {
        IOException failure = new IOException("from the bottom");
        try {
            EventLoop.run(new Chain(DEEP, () -> Steps.throwing(failure)));
            fail("the exception did not come up");
        } catch (Exception thrown) {
            assertSame(failure, thrown);
        }
    }

    @Test
    void resumingCostsTheSameHoweverDeepTheChainIs() {
        int awaits = 10_000;
        int depth = 10_000;
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            EventLoop.run(new Chain(1, () -> new AwaitMany(awaits)));
            EventLoop.run(new Chain(depth, () -> new AwaitMany(awaits)));
        }
        long shallow = Long.MAX_VALUE;
        long deep = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            shallow = Math.min(shallow, timeNanos(1, awaits));
            deep = Math.min(deep, timeNanos(depth, awaits));
        }
        double ratio = (double) deep / shallow;
        // resuming through the chain, O(depth) per await, would be thousands of times slower; the
        // margin absorbs building the deep chain once and a loaded machine (5 was exceeded under load)
        assertTrue(ratio < 50, "a chain " + depth + " deep resumed " + ratio + "x slower than a chain 1 deep");
    }

    private static long timeNanos(int depth, int awaits) {
        long start = System.nanoTime();
        int result = EventLoop.run(new Chain(depth, () -> new AwaitMany(awaits)));
        long elapsed = System.nanoTime() - start;
        assertEquals(awaits + depth, result);
        return elapsed;
    }
}
