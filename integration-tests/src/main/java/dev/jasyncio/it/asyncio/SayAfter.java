package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.currentTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.List;

/**
 * asyncio's create_task example: two greetings awaited one after the other take the sum of their
 * delays; started as tasks first, they run concurrently and take the longer delay.
 */
final class SayAfter {

    private SayAfter() {}

    @Async
    static Coroutine<Void> sayAfter(long millis, String what, List<String> out) {
        await(sleep(millis));
        out.add(what + " from " + currentTask().getName());
        return done(null);
    }

    @Async
    static Coroutine<Void> oneAfterTheOther(long millis, List<String> out) {
        out.add("started");
        await(sayAfter(millis, "hello", out));
        await(sayAfter(2 * millis, "world", out));
        return done(null);
    }

    @Async
    static Coroutine<Void> asTasks(long millis, List<String> out) {
        Task<Void> hello = createTask(sayAfter(millis, "hello", out), "greeter-1");
        Task<Void> world = createTask(sayAfter(2 * millis, "world", out), "greeter-2");
        out.add("started");
        await(hello);
        await(world);
        return done(null);
    }
}
