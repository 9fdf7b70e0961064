package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's debouncer example: each call cancels the one still waiting and waits the delay anew,
 * so of a burst of calls closer together than the delay only the last one fires.
 */
final class Debouncer {

    final Duration delay;
    final List<String> fired = new ArrayList<>();
    Task<Void> pending;

    Debouncer(Duration delay) {
        this.delay = delay;
    }

    /** Schedules {@code value} to fire after the delay, replacing the call still waiting. */
    void call(String value) {
        if (pending != null) {
            pending.cancel();
        }
        pending = createTask(DebouncerAsync.fire(this, value));
    }

    @Async
    Coroutine<Void> fire(String value) {
        await(sleep(delay));
        fired.add(value);
        return done(null);
    }

    /** Sends each burst with {@code gap} between calls, waits for it to settle, and gives what fired. */
    @Async
    static Coroutine<List<String>> main(Duration delay, Duration gap, List<List<String>> bursts) {
        Debouncer debouncer = new Debouncer(delay);
        for (List<String> burst : bursts) {
            for (String value : burst) {
                debouncer.call(value);
                await(sleep(gap));
            }
            await(debouncer.pending);
        }
        return done(debouncer.fired);
    }
}
