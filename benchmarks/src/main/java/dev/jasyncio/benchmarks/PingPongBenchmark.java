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
 * W3 ping-pong: two tasks exchange 1,000,000 messages, half each way, through two {@code Queue}s of
 * one slot ({@code w3PingPong}), or through {@link Mailbox}, one future per message
 * ({@code w3PingPongHandOff}). Score: ns per hop (one message).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class PingPongBenchmark extends SettledHeap {

    static final int MESSAGES = 1_000_000;

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int w3PingPong() {
        return EventLoop.run(WorkloadsAsync.pingpong(QueueChannel::new, MESSAGES));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int w3PingPongHandOff() {
        return EventLoop.run(WorkloadsAsync.pingpong(Mailbox::new, MESSAGES));
    }
}
