package dev.jasyncio.benchmarks;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The benchmark workloads as a user writes them: {@code @Async} blueprints, compiled by the jasyncio
 * processor into {@code WorkloadsAsync}. The JMH benchmarks and {@link PeerWorkloads} both run these,
 * so both measure the same code.
 */
final class Workloads {

    private Workloads() {}

    /** W1's task: yields to the loop once and ends. */
    @Async
    static Coroutine<Void> yieldOnce() {
        await(sleep(0));
        return done(null);
    }

    /** W1: {@code n} tasks that each yield once, gathered. */
    @Async
    static Coroutine<Integer> spawn(int n) {
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(yieldOnce()));
        }
        List<Void> results = await(gather(tasks));
        return done(results.size());
    }

    /** W2's task: counts itself in, then sleeps. */
    @Async
    static Coroutine<Void> sleeper(long millis, Counter asleep) {
        asleep.increment();
        await(sleep(millis));
        return done(null);
    }

    /**
     * W2: {@code n} tasks asleep at once. Once every task has run up to its sleep, {@code allSuspended}
     * runs on the loop thread (the harness measures the heap there); then all are gathered.
     */
    @Async
    static Coroutine<Integer> sleepers(int n, long millis, Runnable allSuspended) {
        Counter asleep = new Counter();
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(sleeper(millis, asleep)));
        }
        // The tasks take their first step on the loop's next turn, before this task resumes.
        await(sleep(0));
        if (asleep.value() != n) {
            throw new IllegalStateException(asleep.value() + " of " + n + " sleepers are asleep");
        }
        allSuspended.run();
        List<Void> results = await(gather(tasks));
        return done(results.size());
    }

    /** W3's ping side: sends 0, 1, 2, ... and checks that each comes back. */
    @Async
    static Coroutine<Integer> ping(Channel<Integer> toPong, Channel<Integer> fromPong, int roundTrips) {
        for (int i = 0; i < roundTrips; i++) {
            await(toPong.send(i));
            int back = await(fromPong.receive());
            if (back != i) {
                throw new IllegalStateException("sent " + i + ", got back " + back);
            }
        }
        return done(roundTrips);
    }

    /** W3's pong side: sends every message straight back. */
    @Async
    static Coroutine<Integer> pong(Channel<Integer> fromPing, Channel<Integer> toPing, int roundTrips) {
        for (int i = 0; i < roundTrips; i++) {
            await(toPing.send(await(fromPing.receive())));
        }
        return done(roundTrips);
    }

    /**
     * W3: two tasks exchanging {@code messages} messages, half of them each way, over two channels
     * made by {@code channels} (on the loop, where a {@code Queue} must be created).
     */
    @Async
    static Coroutine<Integer> pingpong(Supplier<Channel<Integer>> channels, int messages) {
        Channel<Integer> toPong = channels.get();
        Channel<Integer> toPing = channels.get();
        int roundTrips = messages / 2;
        Task<Integer> pongs = createTask(pong(toPong, toPing, roundTrips));
        int pinged = await(ping(toPong, toPing, roundTrips));
        int ponged = await(pongs);
        return done(pinged + ponged);
    }

    /** W4's recursive function: the innermost level yields once, every level adds one. */
    @Async
    static Coroutine<Integer> chain(int depth) {
        if (depth == 0) {
            await(sleep(0));
            return done(0);
        }
        return done(await(chain(depth - 1)) + 1);
    }

    /** W4: {@code reps} chains of {@code depth} levels, one after the other. */
    @Async
    static Coroutine<Long> deepchain(int depth, int reps) {
        long total = 0;
        for (int r = 0; r < reps; r++) {
            int levels = await(chain(depth));
            if (levels != depth) {
                throw new IllegalStateException("a chain of depth " + depth + " returned " + levels);
            }
            total += levels;
        }
        return done(total);
    }

    /** Yields to the loop {@code times} times: each yield is one suspension and one resume of the caller's chain. */
    @Async
    static Coroutine<Integer> yieldMany(int times) {
        for (int i = 0; i < times; i++) {
            await(sleep(0));
        }
        return done(times);
    }

    /** {@link #yieldMany} at the bottom of {@code depth} nested awaits, so every resume happens under them. */
    @Async
    static Coroutine<Integer> yieldNested(int depth, int times) {
        if (depth <= 1) {
            return done(await(yieldMany(times)));
        }
        return done(await(yieldNested(depth - 1, times)));
    }
}
