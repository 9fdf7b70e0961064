package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A blueprint of an inner class, compiled by Maven: it reads and changes its own enclosing instance. */
class InventoryTest {

    @Test
    void pickersShareTheStockOfTheirOwnInventory() {
        Inventory<String> depot = new Inventory<>("depot", 3);
        Inventory<String> shop = new Inventory<>("shop", 5);
        Inventory<String>.Picker ann = depot.new Picker("ann");
        Inventory<String>.Picker bob = depot.new Picker("bob");
        Inventory<String>.Picker cid = shop.new Picker("cid");

        List<Integer> taken = EventLoop.run(InventoryAsync.pickTogether(List.of(ann, bob, cid), 2));

        assertEquals(List.of(2, 1, 2), taken);
        assertEquals(0, depot.stock);
        assertEquals(3, shop.stock);
        assertEquals(List.of("ann took one from depot, 2 left", "bob took one from depot, 1 left",
                "ann took one from depot, 0 left"), depot.log);
        assertEquals(List.of("cid took one from shop, 4 left", "cid took one from shop, 3 left"), shop.log);
    }
}
