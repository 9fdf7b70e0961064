package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.it.Catalog.Item;
import dev.jasyncio.loop.EventLoop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blueprints of a generic class: the companion's factories carry the class's type parameters. */
class MemoTest {
    private final Catalog catalog = new Catalog(Map.of(
            "book", new Item(1500, 3, 0),
            "pen", new Item(250, 0, 4)), 5);
    private final Memo<String, Integer> prices = new Memo<>(sku -> CatalogAsync.price(catalog, sku));

    @Test
    void concurrentGetsOfOneKeyShareOneLoad() {
        List<Integer> values = EventLoop.run(MemoAsync.getAll(prices, List.of("book", "pen", "book", "book")));

        assertEquals(List.of(1500, 250, 1500, 1500), values);
        assertEquals(List.of("ask book", "ask pen", "got book", "got pen"), catalog.log);
    }

    @Test
    void aLaterGetReusesTheFinishedLoad() {
        assertEquals(250, EventLoop.run(MemoAsync.get(prices, "pen")));
        catalog.log.clear();

        assertEquals(List.of(250), EventLoop.run(MemoAsync.getAll(prices, List.of("pen"))));
        assertEquals(List.of(), catalog.log);
    }
}
