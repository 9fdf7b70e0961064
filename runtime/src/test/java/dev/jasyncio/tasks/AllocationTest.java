package dev.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jasyncio.Jasyncio;
import dev.jasyncio.loop.EventLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/** Suspending and resuming a task allocates nothing: the loop's steady state makes no garbage. */
class AllocationTest {

    /** Yields {@code times} times with {@code await(sleep(0))}, as a generated loop would. */
    private static final class YieldMany extends Coroutine<Integer> {
        private final int times;
        private int yielded;

        YieldMany(int times) {
            this.times = times;
        }

        @Override
        protected Object step() {
            while (true) {
                if (label == 1) {
                    resumeValue();
                    yielded++;
                }
                if (yielded == times) {
                    return yielded;
                }
                label = 1;
                if (awaitSuspends(Jasyncio.sleep(0))) {
                    return SUSPENDED;
                }
            }
        }
    }

    @Test
    void yieldingToTheLoopAndResumingAllocatesNothing() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int yields = 200_000;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            EventLoop.run(new YieldMany(yields));
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        assertEquals(yields, EventLoop.run(new YieldMany(yields)));
        double perYield = (double) (threads.getCurrentThreadAllocatedBytes() - before) / yields;
        // One small object per yield (a Handle, a lambda, a boxed value) would be 16 bytes or more;
        // what is left is the fixed cost of a loop and a task spread over the yields.
        assertTrue(perYield < 8, perYield + " bytes allocated per yield");
    }
}
