package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.it.Catalog.Item;
import dev.jasyncio.loop.EventLoop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instance blueprints of a nested class calling instance blueprints of another class. */
class CheckoutTest {
    private final Catalog catalog = new Catalog(Map.of(
            "book", new Item(1500, 3, 0),
            "pen", new Item(250, 0, 4),
            "lamp", new Item(4000, 1, 0)), 5);
    private final Shop.Checkout checkout = new Shop(catalog).checkout();

    @Test
    void totalAwaitsEachPriceInTurnOverAList() throws Exception {
        assertEquals(5750, EventLoop.run(Shop_CheckoutAsync.total(checkout, List.of("book", "pen", "lamp"))));
        assertEquals(List.of("ask book", "got book", "ask pen", "got pen", "ask lamp", "got lamp"), catalog.log);
    }

    @Test
    void tasksStartedBeforeTheFirstAwaitOverlap() throws Exception {
        assertEquals(5750, EventLoop.run(Shop_CheckoutAsync.totalConcurrently(checkout, List.of("book", "pen", "lamp"))));
        assertEquals(List.of("ask book", "ask pen", "ask lamp"), catalog.log.subList(0, 3),
                "every lookup starts before any answer: " + catalog.log);
    }

    @Test
    void andSkipsTheSecondAwaitWhenTheFirstIsFalse() throws Exception {
        assertFalse(EventLoop.run(Shop_CheckoutAsync.canShipTogether(checkout, "pen", "book")));
        assertEquals(List.of("ask pen", "got pen"), catalog.log);
    }

    @Test
    void andAwaitsBothWhenTheFirstIsTrue() throws Exception {
        assertTrue(EventLoop.run(Shop_CheckoutAsync.canShipTogether(checkout, "book", "lamp")));
        assertEquals(List.of("ask book", "got book", "ask lamp", "got lamp"), catalog.log);
    }

    @Test
    void conditionalAwaitsOnlyOnTheBranchItTakes() throws Exception {
        assertEquals("book: ships today", EventLoop.run(Shop_CheckoutAsync.label(checkout, "book")));
        assertEquals(List.of("ask book", "got book"), catalog.log);

        catalog.log.clear();
        assertEquals("pen: back in 4 days", EventLoop.run(Shop_CheckoutAsync.label(checkout, "pen")));
        assertEquals(List.of("ask pen", "got pen", "ask pen", "got pen"), catalog.log);
    }

    @Test
    void checkedExceptionReachesTheCallerOfRunThroughTwoAwaits() {
        UnknownItemException thrown = assertThrows(UnknownItemException.class,
                () -> EventLoop.run(Shop_CheckoutAsync.total(checkout, List.of("book", "unicorn", "pen"))));

        assertEquals("no item with SKU 'unicorn'", thrown.getMessage());
        assertEquals(List.of("ask book", "got book", "ask unicorn", "got unicorn"), catalog.log,
                "nothing runs after the failing await");
    }
}
