package dev.jasyncio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * W2 suspended memory: the heap that one sleeping coroutine keeps alive, its task and timer entry
 * included. JMH measures time and allocation, not what stays reachable, so this is a plain program:
 * it takes the used heap after two {@code System.gc()} calls before spawning, and again from the
 * loop thread while all {@code n} tasks sleep, and divides the difference by {@code n} (the method of
 * the bench-peers harness). Run with a fixed heap ({@code -Xms2g -Xmx2g}) so the collector settles the
 * same way each time.
 *
 * <p>Arguments: {@code [tasks] [repetitions]}, default 200,000 and 5.
 */
public final class SleeperMemory {

    private static final long SLEEP_MILLIS = 2_000;

    private SleeperMemory() {}

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int rep = 1; rep <= repetitions; rep++) {
            long before = settledHeap(memory);
            long[] asleep = new long[1];
            PeerWorkloads.sleepers(tasks, SLEEP_MILLIS, () -> asleep[0] = settledHeap(memory));
            System.out.printf(Locale.ROOT, "W2 repetition %d: %.1f bytes per sleeping coroutine (%d tasks)%n",
                    rep, (double) (asleep[0] - before) / tasks, tasks);
        }
    }

    private static long settledHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
