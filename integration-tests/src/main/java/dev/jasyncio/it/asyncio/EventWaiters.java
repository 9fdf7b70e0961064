package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Event;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;

/** asyncio's event example: three tasks wait for an event that the main coroutine sets later. */
final class EventWaiters {

    private EventWaiters() {}

    @Async
    static Coroutine<Void> waiter(Event event, int id, List<String> out) {
        out.add("waiter " + id + " waiting");
        await(event.waitSet());
        out.add("waiter " + id + " woke up");
        return done(null);
    }

    @Async
    static Coroutine<List<String>> main() {
        List<String> out = new ArrayList<>();
        Event event = new Event();
        List<Task<Void>> waiters = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            waiters.add(createTask(waiter(event, id, out)));
        }
        await(sleep(10));
        out.add("setting the event");
        event.set();
        await(gather(waiters));
        return done(out);
    }
}
