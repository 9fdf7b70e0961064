package dev.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Starts every invocation of a workload benchmark right after {@code System.gc()}, as the bench-peers
 * harness starts every repetition, so that the garbage of one invocation (hundreds of thousands of
 * finished tasks) is not collected on the next one's time and the numbers compare with the peers'.
 * Collections during an invocation still count. An invocation of these workloads lasts tens of
 * milliseconds, far above the resolution at which JMH warns against per-invocation fixtures.
 */
@State(Scope.Benchmark)
public abstract class SettledHeap {

    @Setup(Level.Invocation)
    public void collectGarbage() {
        System.gc();
    }
}
