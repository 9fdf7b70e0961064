package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Held;
import dev.jasyncio.sync.Lock;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code async with lock:} as try-with-resources: the lock is released on every way out of the
 * block, a failure and a cancellation included, and the next task in line gets it.
 */
final class GuardedSection {

    private GuardedSection() {}

    @Async
    @SuppressWarnings("try") // the block never names the lock it holds
    static Coroutine<Void> failInside(Lock lock, List<String> out) {
        try (Held held = await(lock.acquire())) {
            out.add("failing holds the lock");
            await(sleep(0));
            throw new IllegalStateException("failed while holding the lock");
        }
    }

    @Async
    @SuppressWarnings("try") // the block never names the lock it holds
    static Coroutine<Void> waitInside(Lock lock, AsyncFuture<Void> never, List<String> out) {
        try (Held held = await(lock.acquire())) {
            out.add("waiting holds the lock");
            await(never);
        }
        return done(null);
    }

    @Async
    @SuppressWarnings("try") // the block never names the lock it holds
    static Coroutine<Void> takeTurn(Lock lock, String name, List<String> out) {
        try (Held held = await(lock.acquire())) {
            out.add(name + " holds the lock");
        }
        return done(null);
    }

    /** A task fails inside the block, another is cancelled inside it; a third gets the lock after each. */
    @Async
    static Coroutine<List<String>> main() {
        List<String> out = new ArrayList<>();
        Lock lock = new Lock();
        Task<Void> failing = createTask(failInside(lock, out));
        Task<Void> after = createTask(takeTurn(lock, "after the failure", out));
        try {
            await(failing);
        } catch (IllegalStateException e) {
            out.add("caught: " + e.getMessage());
        }
        await(after);

        AsyncFuture<Void> never = new AsyncFuture<>();
        Task<Void> waiting = createTask(waitInside(lock, never, out));
        Task<Void> next = createTask(takeTurn(lock, "after the cancellation", out));
        await(sleep(0));
        waiting.cancel();
        try {
            await(waiting);
        } catch (CancelledException e) {
            out.add("cancelled");
        }
        await(next);
        out.add("locked at the end: " + lock.locked());
        return done(out);
    }
}
