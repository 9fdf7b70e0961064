package dev.jasyncio.sync;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.CancellationLog;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LockTest {

    private final EventLoop loop = new EventLoop();
    private final Lock lock = new Lock(loop);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that acquires the lock when it starts, logs, and releases it; logs a cancellation. */
    private Task<Void> worker(String name) {
        return worker(name, null);
    }

    /** Same, awaiting {@code acquisition} if it is not null. */
    private Task<Void> worker(String name, Awaitable<Held> acquisition) {
        return loop.createTask(Steps.of(
                m -> awaiting(acquisition != null ? acquisition : lock.acquire()),
                m -> {
                    CancellationLog.resume(m, log, name);
                    log.add(name + " acquired");
                    return awaiting(Steps.returning(null));
                },
                m -> {
                    m.resume();
                    lock.release();
                    return null;
                }));
    }

    @Test
    void aFreeLockIsTakenAtOnceWithoutAllocatingAWait() {
        Awaitable<Held> first = lock.acquire();
        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, first);
        assertTrue(future.isDone());
        assertTrue(lock.locked());
        ((Held) future.result()).close();
        assertFalse(lock.locked());
        assertSame(first, lock.acquire(), "every immediate acquisition shares one completed future");
    }

    @Test
    void waitersGetTheLockInTheOrderTheyAsked() {
        lock.acquire();
        worker("b");
        worker("c");
        Task<Void> last = worker("d");
        Turns.run(loop, 1);
        assertEquals(List.of(), log);
        lock.release();
        RunUntil.done(loop, last);
        assertEquals(List.of("b acquired", "c acquired", "d acquired"), log);
        assertFalse(lock.locked());
    }

    @Test
    void aReleasedLockPassesToTheWaiterSoALateComerCannotOvertakeIt() {
        lock.acquire();
        worker("waiter");
        Turns.run(loop, 1);
        lock.release();
        assertTrue(lock.locked(), "the lock belongs to the waiter, which has not resumed yet");
        Awaitable<Held> late = lock.acquire();
        assertFalse(late instanceof AsyncFuture<?> acquired && acquired.isDone(), "a late comer must wait");
        RunUntil.done(loop, worker("late comer", late));
        assertEquals(List.of("waiter acquired", "late comer acquired"), log);
    }

    @Test
    void aWaiterCancelledWhileWaitingLeavesTheLine() {
        lock.acquire();
        Task<Void> cancelled = worker("b");
        Task<Void> next = worker("c");
        Turns.run(loop, 1);
        cancelled.cancel();
        Turns.run(loop, 2);
        assertEquals(List.of("b cancelled"), log);
        lock.release();
        RunUntil.done(loop, next);
        assertTrue(cancelled.isCancelled());
        assertEquals(List.of("b cancelled", "c acquired"), log);
        assertFalse(lock.locked());
    }

    @Test
    void aWaiterCancelledAfterTheLockWasPassedToItPassesItOn() {
        lock.acquire();
        Task<Void> cancelled = worker("b");
        Task<Void> next = worker("c");
        Turns.run(loop, 1);
        lock.release();
        cancelled.cancel();
        RunUntil.done(loop, next);
        assertTrue(cancelled.isCancelled());
        assertEquals(List.of("b cancelled", "c acquired"), log);
        assertFalse(lock.locked());
    }

    @Test
    void aWaiterCancelledAfterTheLockWasPassedToItUnlocksItWhenNobodyElseWaits() {
        lock.acquire();
        Task<Void> cancelled = worker("b");
        Turns.run(loop, 1);
        lock.release();
        cancelled.cancel();
        Turns.run(loop, 1);
        assertTrue(cancelled.isCancelled());
        assertFalse(lock.locked());
    }

    @Test
    void aWaitThatIsNeverAwaitedTakesNothing() {
        lock.acquire();
        Awaitable<Held> abandoned = lock.acquire();
        assertFalse(abandoned instanceof AsyncFuture<?> acquired && acquired.isDone());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void aLockBusyWhenAcquireIsCalledButFreeWhenAwaitedIsTakenThen() {
        lock.acquire();
        Awaitable<Held> later = lock.acquire();
        lock.release();
        RunUntil.done(loop, worker("later", later));
        assertEquals(List.of("later acquired"), log);
    }

    @Test
    void closingTheHeldValueReleasesTheLockAndPassesItOn() {
        AtomicReference<Held> held = new AtomicReference<>();
        loop.createTask(Steps.of(m -> awaiting(lock.acquire()), m -> {
            held.set(m.resume());
            return null;
        }));
        Task<Void> waiter = worker("waiter");
        Turns.run(loop, 1);
        held.get().close();
        RunUntil.done(loop, waiter);
        assertEquals(List.of("waiter acquired"), log);
    }

    @Test
    void releasingAnUnlockedLockFails() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("release() of a Lock that is not locked", thrown.getMessage());
    }

    @Test
    void aLockRefusesCallsFromAnotherThread() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                lock.acquire();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "intruder");
        other.start();
        other.join();
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(refused.getMessage().startsWith("Lock.acquire was called on thread 'intruder'"), refused.getMessage());
        assertFalse(lock.locked());
    }

    @Test
    void toStringShowsTheStateAndTheWaiters() {
        lock.acquire();
        worker("b");
        Turns.run(loop, 1);
        assertEquals("Lock[locked, waiters=1]", lock.toString());
        lock.release();
        Turns.run(loop, 3);
        assertEquals("Lock[unlocked, waiters=0]", lock.toString());
    }
}
