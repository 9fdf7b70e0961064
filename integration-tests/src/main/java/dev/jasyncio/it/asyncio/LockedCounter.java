package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Held;
import dev.jasyncio.sync.Lock;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's lock example: ten tasks each read a counter, yield, and write it back plus one. Without
 * the lock every task reads the same value and the increments are lost; with it the counter
 * reaches ten.
 */
final class LockedCounter {

    private LockedCounter() {}

    @Async
    static Coroutine<Void> unsafeIncrement(Counter counter) {
        int seen = counter.value;
        await(sleep(0));
        counter.value = seen + 1;
        return done(null);
    }

    @Async
    @SuppressWarnings("try") // the block never names the lock it holds
    static Coroutine<Void> safeIncrement(Lock lock, Counter counter) {
        try (Held held = await(lock.acquire())) {
            int seen = counter.value;
            await(sleep(0));
            counter.value = seen + 1;
        }
        return done(null);
    }

    @Async
    static Coroutine<List<Integer>> main(int tasks) {
        Counter unsafe = new Counter();
        List<Coroutine<Void>> racing = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            racing.add(unsafeIncrement(unsafe));
        }
        await(gather(racing));

        Counter safe = new Counter();
        Lock lock = new Lock();
        List<Coroutine<Void>> queued = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            queued.add(safeIncrement(lock, safe));
        }
        await(gather(queued));
        return done(List.of(unsafe.value, safe.value));
    }

    /** The shared counter. */
    static final class Counter {
        int value;
    }
}
