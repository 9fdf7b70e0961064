package dev.jasyncio.it.asyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.util.List;

/**
 * asyncio's cancellation example: a worker that loops forever is cancelled with a message; its
 * except-CancelledError block and its finally run, its resource is closed, and the task ends
 * cancelled, which the awaiting caller sees as a CancelledException of its own.
 */
final class CancelWithCleanup {

    private CancelWithCleanup() {}

    /** A resource a worker holds while it works; closing it is part of the cleanup. */
    static final class Connection implements AutoCloseable {
        private final List<String> log;

        Connection(List<String> log) {
            this.log = log;
            log.add("connection opened");
        }

        @Override
        public void close() {
            log.add("connection closed");
        }

        @Override
        public String toString() {
            return "connection";
        }
    }

    @Async
    static Coroutine<Void> worker(List<String> log) {
        try (Connection connection = new Connection(log)) {
            for (int tick = 0; ; tick++) {
                log.add("tick " + tick + " on " + connection);
                await(sleep(10));
            }
        } catch (CancelledException e) {
            log.add("worker cancelled: " + e.getMessage());
            throw e;
        } finally {
            log.add("worker finally");
        }
    }

    @Async
    static Coroutine<Boolean> main(List<String> log) {
        Task<Void> task = createTask(worker(log));
        await(sleep(25));
        task.cancel("shutting down");
        try {
            await(task);
            log.add("not reached");
        } catch (CancelledException e) {
            log.add("main saw: " + e.getMessage());
        }
        return done(task.isCancelled());
    }
}
