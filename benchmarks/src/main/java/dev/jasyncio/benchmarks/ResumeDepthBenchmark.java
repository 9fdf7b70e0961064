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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one suspension and resume of a coroutine that sits under {@code depth} nested awaits:
 * the innermost of {@code depth} frames yields to the loop 100,000 times. The chain is built once per
 * invocation, so its cost is spread over the yields. Resuming must cost the same at depth 1,000 as at
 * depth 1 (the task resumes the innermost frame directly). Score: ns per yield.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class ResumeDepthBenchmark extends SettledHeap {

    static final int YIELDS = 100_000;

    @Param({"1", "1000"})
    public int depth;

    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public int resumeUnderNestedAwaits() {
        return EventLoop.run(WorkloadsAsync.yieldNested(depth, YIELDS));
    }
}
