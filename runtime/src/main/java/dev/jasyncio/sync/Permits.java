package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;

/**
 * Permits handed out first come, first served: what {@link Lock} (one permit) and
 * {@link Semaphore} share. A released permit goes straight to the longest waiter, so while tasks
 * wait no permit is free.
 */
final class Permits {

    private final Waiters<Held> waiters;

    /** What an acquisition gives; closing it releases through the owner, which checks its own rules. */
    private final Held held;

    /** The completed future every acquisition that did not wait shares. */
    private AsyncFuture<Held> acquiredAtOnce;

    private int free;

    Permits(EventLoop loop, int free, Held held) {
        this.waiters = new Waiters<>(loop);
        this.free = free;
        this.held = held;
    }

    /** Takes a permit now if one is free (a completed awaitable), else a wait in line. */
    Awaitable<Held> acquire() {
        if (free == 0) {
            return new Acquire();
        }
        free--;
        if (acquiredAtOnce == null) {
            acquiredAtOnce = waiters.completed(held);
        }
        return acquiredAtOnce;
    }

    /** Gives a permit back: to the longest waiter, or to the free ones. */
    void release() {
        if (!waiters.handOver(held)) {
            free++;
        }
    }

    int free() {
        return free;
    }

    int waiting() {
        return waiters.size();
    }

    void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    EventLoop loop() {
        return waiters.loop();
    }

    /** Waits in line for a permit. */
    private final class Acquire extends Turn<Held> {

        Acquire() {
            super(waiters);
        }

        @Override
        protected Waiters<Held> waiters() {
            return waiters;
        }

        @Override
        protected Object now() {
            if (free == 0) {
                return NOT_NOW;
            }
            free--;
            return held;
        }

        @Override
        protected Held taken(Held handed) {
            return handed;
        }

        @Override
        protected void giveBack(Held handed) {
            handed.close();
        }
    }
}
