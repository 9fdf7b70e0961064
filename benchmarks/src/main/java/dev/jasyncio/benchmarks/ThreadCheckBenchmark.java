package dev.jasyncio.benchmarks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the loop-affinity check costs: every loop-affine method compares the calling thread with the
 * loop's owner. {@code ownerCheck} is the check (as {@code inLoopThread()}) and {@code baseline} the same
 * benchmark reading a field instead, so their difference is the check's own cost; {@code futureRoundTrip}
 * is the cheapest real work that carries checks (create a future, set its result, read it: three
 * checks). Together they decide whether the check can stay on always; see CONTRIBUTING.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThreadCheckBenchmark {

    private EventLoop loop;

    @Setup
    public void createLoop() {
        loop = new EventLoop();
    }

    @TearDown
    public void closeLoop() {
        loop.close();
    }

    @Benchmark
    public EventLoop baseline() {
        return loop;
    }

    @Benchmark
    public boolean ownerCheck() {
        return loop.inLoopThread();
    }

    @Benchmark
    public Object futureRoundTrip() {
        AsyncFuture<Object> future = new AsyncFuture<>(loop);
        future.setResult(loop);
        return future.result();
    }
}
