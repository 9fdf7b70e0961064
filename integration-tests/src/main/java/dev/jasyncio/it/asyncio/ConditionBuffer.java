package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Condition;
import dev.jasyncio.sync.Held;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's condition example: two producers append to a shared list and signal, two consumers
 * wait until the list has an item and take the oldest, three items each.
 */
final class ConditionBuffer {

    private ConditionBuffer() {}

    @Async
    @SuppressWarnings("try") // the blocks never name the lock they hold
    static Coroutine<Void> producer(Condition condition, List<String> items, String name, int count, List<String> out) {
        for (int i = 0; i < count; i++) {
            try (Held held = await(condition.acquire())) {
                items.add(name + i);
                out.add(name + " produced " + name + i);
                condition.signal();
            }
            await(sleep(0));
        }
        return done(null);
    }

    @Async
    @SuppressWarnings("try") // the blocks never name the lock they hold
    static Coroutine<Void> consumer(Condition condition, List<String> items, String name, int count, List<String> out) {
        for (int i = 0; i < count; i++) {
            try (Held held = await(condition.acquire())) {
                await(condition.waitUntil(() -> !items.isEmpty()));
                out.add(name + " consumed " + items.remove(0));
            }
        }
        return done(null);
    }

    @Async
    static Coroutine<List<String>> main() {
        List<String> out = new ArrayList<>();
        List<String> items = new ArrayList<>();
        Condition condition = new Condition();
        await(gather(
                consumer(condition, items, "c1", 3, out),
                consumer(condition, items, "c2", 3, out),
                producer(condition, items, "p1", 3, out),
                producer(condition, items, "p2", 3, out)));
        return done(out);
    }
}
