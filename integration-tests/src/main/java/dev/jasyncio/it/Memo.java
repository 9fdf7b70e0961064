package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads each key at most once, however many coroutines ask for it at the same time: they all
 * await the one task that loads it (asyncio's single-flight idiom).
 */
final class Memo<K, V> {
    final Function<K, Coroutine<V>> loader;
    final Map<K, Task<V>> loads = new HashMap<>();

    Memo(Function<K, Coroutine<V>> loader) {
        this.loader = loader;
    }

    @Async
    Coroutine<V> get(K key) {
        Task<V> load = loads.get(key);
        if (load == null) {
            load = createTask(loader.apply(key));
            loads.put(key, load);
        }
        return done(await(load));
    }

    /** Gets every key concurrently; the values come in the order of the keys. */
    @Async
    Coroutine<List<V>> getAll(List<K> keys) {
        List<Coroutine<V>> gets = new ArrayList<>();
        for (K key : keys) {
            gets.add(get(key));
        }
        return done(await(gather(gets)));
    }
}
