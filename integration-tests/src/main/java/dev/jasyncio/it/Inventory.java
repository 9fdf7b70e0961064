package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's inventory with pickers, an inner class whose blueprint uses the enclosing store: its
 * stock, its log and its methods, by their simple names and as {@code Inventory.this}.
 */
public final class Inventory<T> {
    private final String name;
    int stock;
    final List<String> log = new ArrayList<>();

    public Inventory(String name, int stock) {
        this.name = name;
        this.stock = stock;
    }

    String name() {
        return name;
    }

    /** Runs the pickers together, each wanting the same number of items. */
    @Async
    public static <T> Coroutine<List<Integer>> pickTogether(List<Inventory<T>.Picker> pickers, int wanted) {
        List<Coroutine<Integer>> picks = new ArrayList<>();
        for (Inventory<T>.Picker picker : pickers) {
            picks.add(picker.pick(wanted));
        }
        return done(await(gather(picks)));
    }

    /** Takes up to {@code wanted} items, one at a time, letting other pickers run between items. */
    public final class Picker {
        final T who;

        public Picker(T who) {
            this.who = who;
        }

        @Async
        public Coroutine<Integer> pick(int wanted) {
            int taken = 0;
            while (taken < wanted && stock > 0) {
                stock--;
                taken++;
                log.add(who + " took one from " + name() + ", " + Inventory.this.stock + " left");
                await(sleep(Duration.ZERO));
            }
            return done(taken);
        }
    }
}
