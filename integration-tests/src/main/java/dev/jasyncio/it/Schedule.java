package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;

/** Coroutines whose order of completion is decided by their delays, not by the order they were started in. */
final class Schedule {

    private Schedule() {}

    /** Waits {@code delayMs}, then records that {@code value} finished and returns it. */
    @Async
    static Coroutine<String> after(long delayMs, String value, List<String> finished) {
        await(sleep(delayMs));
        finished.add(value);
        return done(value);
    }

    /** The slowest goes first: gather must still give the results in argument order. */
    @Async
    static Coroutine<List<String>> slowFirst(List<String> finished) {
        return done(await(gather(
                after(60, "slow", finished),
                after(1, "fast", finished),
                after(30, "medium", finished))));
    }

    /** One tick per loop turn, counting down: a while loop whose body suspends. */
    @Async
    static Coroutine<List<Integer>> countdown(int from) {
        List<Integer> ticks = new ArrayList<>();
        while (from > 0) {
            await(sleep(0));
            ticks.add(from--);
        }
        return done(ticks);
    }

    /** Every turn of an indexed for loop awaits, and its result feeds the next turn. */
    @Async
    static Coroutine<Long> doublings(int times) {
        long value = 1;
        for (int i = 0; i < times; i++) {
            value = await(twice(value));
        }
        return done(value);
    }

    @Async
    static Coroutine<Long> twice(long value) {
        await(sleep(0));
        return done(2 * value);
    }
}
