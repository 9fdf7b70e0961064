package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product catalog behind a slow remote service: every lookup waits {@code latencyMs}.
 *
 * <p>It logs when each lookup is asked and answered, so tests can tell from the order of the log
 * alone, without timing, whether lookups overlapped and which ones never ran.
 */
final class Catalog {

    /** What the service knows about one product. */
    record Item(int priceCents, int stock, int restockDays) {}

    // package-private rather than private: the generated coroutines live in the companion class
    final Map<String, Item> items;
    final long latencyMs;
    final List<String> log = new ArrayList<>();

    Catalog(Map<String, Item> items, long latencyMs) {
        this.items = Map.copyOf(items);
        this.latencyMs = latencyMs;
    }

    @Async
    Coroutine<Item> lookup(String sku) throws UnknownItemException {
        log.add("ask " + sku);
        await(sleep(latencyMs));
        log.add("got " + sku);
        Item item = items.get(sku);
        if (item == null) {
            throw new UnknownItemException(sku);
        }
        return done(item);
    }

    @Async
    Coroutine<Integer> price(String sku) throws UnknownItemException {
        return done(await(lookup(sku)).priceCents());
    }

    @Async
    Coroutine<Boolean> inStock(String sku) throws UnknownItemException {
        return done(await(lookup(sku)).stock() > 0);
    }

    @Async
    Coroutine<Integer> restockDays(String sku) throws UnknownItemException {
        return done(await(lookup(sku)).restockDays());
    }
}
