package dev.jasyncio.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.queues.Queue;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operations that complete at once share completed futures: in a steady state they make no garbage. */
class ImmediateAllocationTest {

    private static final int ROUNDS = 200_000;

    private final EventLoop loop = new EventLoop();
    private final com.sun.management.ThreadMXBean threads = threads();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static com.sun.management.ThreadMXBean threads() {
        Object bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }

    /** Bytes allocated per round by {@code round}, after a warm-up. */
    private double bytesPerRound(Runnable round) {
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
        return (double) (threads.getCurrentThreadAllocatedBytes() - before) / ROUNDS;
    }

    @Test
    void takingAndReleasingAFreeLockOrSemaphoreAllocatesNothing() {
        Lock lock = new Lock(loop);
        Semaphore semaphore = new Semaphore(loop, 2);
        double perRound = bytesPerRound(() -> {
            lock.acquire();
            semaphore.acquire();
            semaphore.release();
            lock.release();
        });
        // One object per round would be 16 bytes or more.
        assertTrue(perRound < 1, perRound + " bytes allocated per round");
    }

    @Test
    void puttingIntoAQueueWithRoomAllocatesNothing() {
        Queue<String> queue = new Queue<>(loop, 4);
        double perRound = bytesPerRound(() -> {
            queue.put("item");
            queue.getNow();
        });
        assertTrue(perRound < 1, perRound + " bytes allocated per round");
    }
}
