package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;

/** A shop front over a {@link Catalog}; its checkouts are a nested class, so their companion is {@code Shop_CheckoutAsync}. */
final class Shop {
    final Catalog catalog;

    Shop(Catalog catalog) {
        this.catalog = catalog;
    }

    Checkout checkout() {
        return new Checkout(catalog);
    }

    /** Prices and ships one customer's items. */
    static final class Checkout {
        final Catalog catalog;

        Checkout(Catalog catalog) {
            this.catalog = catalog;
        }

        /** Looks the prices up one after another. */
        @Async
        Coroutine<Integer> total(List<String> skus) throws UnknownItemException {
            int total = 0;
            for (String sku : skus) {
                total += await(catalog.price(sku));
            }
            return done(total);
        }

        /** Starts every lookup as a task first, so they overlap, then collects them in order. */
        @Async
        Coroutine<Integer> totalConcurrently(List<String> skus) throws UnknownItemException {
            List<Task<Integer>> prices = new ArrayList<>();
            for (String sku : skus) {
                prices.add(createTask(catalog.price(sku)));
            }
            int total = 0;
            for (Task<Integer> price : prices) {
                total += await(price);
            }
            return done(total);
        }

        /** Short-circuits: the second item is not looked up when the first is out of stock. */
        @Async
        Coroutine<Boolean> canShipTogether(String first, String second) throws UnknownItemException {
            return done(await(catalog.inStock(first)) && await(catalog.inStock(second)));
        }

        /** Asks for the restock time only on the branch that needs it. */
        @Async
        Coroutine<String> label(String sku) throws UnknownItemException {
            return done(await(catalog.inStock(sku))
                    ? sku + ": ships today"
                    : sku + ": back in " + await(catalog.restockDays(sku)) + " days");
        }
    }
}
