package dev.jasyncio.sync;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.CancellationLog;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SemaphoreTest {

    private final EventLoop loop = new EventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that takes a permit, logs, holds it until {@code until} completes, and releases it. */
    private Task<Void> worker(Semaphore semaphore, String name, AsyncFuture<Void> until) {
        return loop.createTask(Steps.of(
                m -> awaiting(semaphore.acquire()),
                m -> {
                    CancellationLog.resume(m, log, name);
                    log.add(name + " in");
                    return awaiting(until);
                },
                m -> {
                    m.resume();
                    log.add(name + " out");
                    semaphore.release();
                    return null;
                }));
    }

    private AsyncFuture<Void> pending() {
        return new AsyncFuture<>(loop);
    }

    @Test
    void atMostTheNumberOfPermitsHoldItAtOnceAndWaitersGoInArrivalOrder() {
        Semaphore semaphore = new Semaphore(loop, 2);
        List<AsyncFuture<Void>> gates = List.of(pending(), pending(), pending(), pending());
        Task<Void> last = null;
        for (int i = 0; i < gates.size(); i++) {
            last = worker(semaphore, "w" + i, gates.get(i));
        }
        Turns.run(loop, 1);
        assertEquals(List.of("w0 in", "w1 in"), log);
        assertTrue(semaphore.locked());
        gates.get(1).setResult(null);
        Turns.run(loop, 2);
        assertEquals(List.of("w0 in", "w1 in", "w1 out", "w2 in"), log);
        gates.get(0).setResult(null);
        gates.get(2).setResult(null);
        gates.get(3).setResult(null);
        RunUntil.done(loop, last);
        assertEquals(List.of("w0 in", "w1 in", "w1 out", "w2 in", "w0 out", "w2 out", "w3 in", "w3 out"), log);
        assertEquals(2, semaphore.available());
    }

    @Test
    void aPermitReleasedWhileTasksWaitGoesToTheFirstOfThemNotToALateComer() {
        Semaphore semaphore = new Semaphore(loop, 1);
        semaphore.acquire();
        Task<Void> waiter = worker(semaphore, "waiter", pending());
        Turns.run(loop, 1);
        semaphore.release();
        assertEquals(0, semaphore.available());
        assertFalse(semaphore.acquire() instanceof AsyncFuture<?> acquired && acquired.isDone(), "a late comer must wait");
        Turns.run(loop, 1);
        assertEquals(List.of("waiter in"), log);
        waiter.cancel();
    }

    @Test
    void aWaiterCancelledAfterAPermitWasPassedToItPassesItOn() {
        Semaphore semaphore = new Semaphore(loop, 1);
        semaphore.acquire();
        Task<Void> cancelled = worker(semaphore, "b", pending());
        AsyncFuture<Void> open = pending();
        open.setResult(null);
        Task<Void> next = worker(semaphore, "c", open);
        Turns.run(loop, 1);
        semaphore.release();
        cancelled.cancel();
        RunUntil.done(loop, next);
        assertEquals(List.of("b cancelled", "c in", "c out"), log);
        assertEquals(1, semaphore.available());
    }

    @Test
    void aWaiterCancelledWhileWaitingTakesNoPermit() {
        Semaphore semaphore = new Semaphore(loop, 0);
        Task<Void> cancelled = worker(semaphore, "b", pending());
        Turns.run(loop, 1);
        cancelled.cancel();
        Turns.run(loop, 1);
        semaphore.release();
        assertEquals(1, semaphore.available());
        assertEquals(List.of("b cancelled"), log);
    }

    @Test
    void aSemaphoreNeedsZeroOrMorePermits() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Semaphore(loop, -1));
        assertEquals("a Semaphore needs 0 or more permits, not -1", thrown.getMessage());
    }

    @Test
    void aPlainSemaphoreMayBeReleasedBeyondItsInitialPermits() {
        Semaphore semaphore = new Semaphore(loop, 1);
        semaphore.release();
        assertEquals(2, semaphore.available());
    }

    @Test
    void aBoundedSemaphoreRefusesToBeReleasedMoreOftenThanAcquired() {
        BoundedSemaphore semaphore = new BoundedSemaphore(loop, 2);
        semaphore.acquire();
        semaphore.release();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, semaphore::release);
        assertEquals("BoundedSemaphore released too many times: all 2 permits are free already", thrown.getMessage());
        assertEquals(2, semaphore.available());
    }

    @Test
    void closingTheHeldPermitOfABoundedSemaphoreTwiceFails() {
        BoundedSemaphore semaphore = new BoundedSemaphore(loop, 1);
        Held permit = (Held) ((AsyncFuture<?>) semaphore.acquire()).result();
        permit.close();
        assertThrows(IllegalStateException.class, permit::close);
    }

    @Test
    void aBoundedSemaphoreHandsAReleasedPermitToAWaiter() {
        BoundedSemaphore semaphore = new BoundedSemaphore(loop, 1);
        semaphore.acquire();
        AsyncFuture<Void> open = pending();
        open.setResult(null);
        Task<Void> waiter = worker(semaphore, "waiter", open);
        Turns.run(loop, 1);
        semaphore.release();
        RunUntil.done(loop, waiter);
        assertEquals(List.of("waiter in", "waiter out"), log);
        assertEquals(1, semaphore.available());
    }

    @Test
    void toStringShowsPermitsAndWaiters() {
        Semaphore semaphore = new BoundedSemaphore(loop, 1);
        semaphore.acquire();
        Task<Void> waiter = worker(semaphore, "w", pending());
        Turns.run(loop, 1);
        assertEquals("BoundedSemaphore[permits=0, waiters=1]", semaphore.toString());
        waiter.cancel();
    }
}
