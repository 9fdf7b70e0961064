package dev.jasyncio.benchmarks;

import dev.jasyncio.loop.EventLoop;

/**
 * jasyncio's column in the bench-peers harness ({@code ../shared/bench-peers}): the workloads W1 to W4
 * with the contract of the harness's {@code AsyncPeer}. Each call is one repetition: it runs the
 * workload on a new event loop on the calling thread, as {@code EventLoop.run} does for any program,
 * and returns when the workload is finished. Every check of a result throws if the workload went wrong.
 */
public final class PeerWorkloads {

    private PeerWorkloads() {}

    /** W1: {@code n} tasks that each yield once, gathered. */
    public static void spawn(int n) {
        expect(n, EventLoop.run(WorkloadsAsync.spawn(n)), "tasks gathered");
    }

    /** W2: {@code n} tasks asleep at once; {@code allSuspended} runs on the loop thread once all are. */
    public static void sleepers(int n, long sleepMillis, Runnable allSuspended) {
        expect(n, EventLoop.run(WorkloadsAsync.sleepers(n, sleepMillis, allSuspended)), "sleepers gathered");
    }

    /** W3: {@code m} messages between two tasks, {@code m / 2} each way, through two {@code Queue}s of one slot. */
    public static void pingpong(int m) {
        expect(m / 2 * 2, EventLoop.run(WorkloadsAsync.pingpong(QueueChannel::new, m)), "messages exchanged");
    }

    /** W4: {@code reps} times a recursive chain of {@code depth} levels whose innermost level yields once. */
    public static void deepchain(int depth, int reps) {
        long total = EventLoop.run(WorkloadsAsync.deepchain(depth, reps));
        if (total != (long) depth * reps) {
            throw new IllegalStateException("deepchain summed " + total + " levels, expected " + (long) depth * reps);
        }
    }

    private static void expect(int expected, int actual, String what) {
        if (actual != expected) {
            throw new IllegalStateException(actual + " " + what + ", expected " + expected);
        }
    }
}
