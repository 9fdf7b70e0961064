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

/** W1 spawn: 200,000 tasks that each yield once ({@code await(sleep(0))}), gathered. Score: ns per task. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class SpawnBenchmark extends SettledHeap {

    static final int TASKS = 200_000;

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int w1Spawn() {
        return EventLoop.run(WorkloadsAsync.spawn(TASKS));
    }
}
