package dev.jasyncio.it;

import static dev.jasyncio.Jasyncio.FIRST_COMPLETED;
import static dev.jasyncio.Jasyncio.asCompleted;
import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.shield;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.taskGroup;
import static dev.jasyncio.Jasyncio.waitFor;
import static dev.jasyncio.Jasyncio.waitUntil;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.combinators.DoneAndPending;
import dev.jasyncio.structured.TaskGroup;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Workers coordinated with task groups, waitFor, waitUntil, asCompleted and shield, as a user writes them. */
final class Crew {

    private Crew() {}

    @Async
    static Coroutine<String> work(String name, long millis, List<String> log) {
        await(sleep(millis));
        log.add(name);
        return done(name);
    }

    @Async
    static Coroutine<String> fail(String message, long millis) {
        await(sleep(millis));
        throw new IllegalStateException(message);
    }

    /** The body of a group: starts the workers, then goes on with its own work. */
    @Async
    static Coroutine<String> hire(TaskGroup group, List<String> log) {
        group.createTask(work("slow", 30, log));
        group.createTask(work("fast", 5, log));
        log.add("hired");
        return done("body");
    }

    @Async
    static Coroutine<String> crew(List<String> log) {
        String body = await(taskGroup(group -> hire(group, log)));
        log.add("group left");
        return done(body);
    }

    @Async
    static Coroutine<Void> failingCrew(List<String> log) {
        await(taskGroup(group -> failingHire(group, log)));
        return done(null);
    }

    @Async
    static Coroutine<String> failingHire(TaskGroup group, List<String> log) {
        group.createTask(fail("first", 5));
        group.createTask(fail("second", 5_000));
        await(sleep(Duration.ofSeconds(30)));
        return done("never");
    }

    @Async
    static Coroutine<List<String>> inCompletionOrder(List<String> log) {
        List<String> seen = new ArrayList<>();
        for (AsyncFuture<String> next : asCompleted(List.of(work("c", 30, log), work("a", 1, log), work("b", 15, log)))) {
            seen.add(await(next));
        }
        return done(seen);
    }

    @Async
    static Coroutine<String> impatient(List<String> log) {
        return done(await(waitFor(work("too slow", 5_000, log), Duration.ofMillis(10))));
    }

    @Async
    static Coroutine<List<Integer>> firstOfTwo(List<String> log) {
        Task<String> slow = createTask(work("slow", 5_000, log));
        Task<String> fast = createTask(work("fast", 1, log));
        DoneAndPending<Task<String>> split = await(waitUntil(List.of(slow, fast), FIRST_COMPLETED));
        slow.cancel();
        return done(List.of(split.done().size(), split.pending().size()));
    }

    @Async
    static Coroutine<String> shielded(List<String> log) {
        return done(await(shield(work("shielded", 1, log))));
    }
}
