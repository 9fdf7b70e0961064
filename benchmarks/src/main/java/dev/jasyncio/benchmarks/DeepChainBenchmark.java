package dev.jasyncio.benchmarks;

import dev.jasyncio.loop.EventLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4 deep chain: 1,000 times, a recursive {@code @Async} function of depth 1,000 whose innermost level
 * yields once and where every level returns its callee's result + 1. Score: ns per level.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class DeepChainBenchmark extends SettledHeap {

    static final int DEPTH = 1_000;
    static final int REPS = 1_000;

    @Benchmark
    @OperationsPerInvocation(DEPTH * REPS)
    public long w4DeepChain() {
        return EventLoop.run(WorkloadsAsync.deepchain(DEPTH, REPS));
    }
}
