package dev.jasyncio.sync;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private final EventLoop loop = new EventLoop();
    private final Condition condition = new Condition(loop);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that takes the lock, awaits {@code wait}, logs how the wait ended and whether it held the lock. */
    private Task<Void> waiter(String name, Supplier<Awaitable<Void>> wait) {
        return loop.createTask(Steps.of(
                m -> awaiting(condition.acquire()),
                m -> {
                    m.resume();
                    return awaiting(wait.get());
                },
                m -> {
                    try {
                        m.resume();
                        log.add(name + " woke holding the lock: " + condition.locked());
                        return null;
                    } catch (CancelledException e) {
                        log.add(name + " cancelled holding the lock: " + condition.locked());
                        throw e;
                    } finally {
                        condition.release();
                    }
                }));
    }

    private Task<Void> waiter(String name) {
        return waiter(name, condition::waitSignal);
    }

    /** A task that takes the lock, runs {@code action} with it, and releases it. */
    private Task<Void> holder(Runnable action) {
        return loop.createTask(Steps.of(m -> awaiting(condition.acquire()), m -> {
            m.resume();
            action.run();
            condition.release();
            return null;
        }));
    }

    @Test
    void aWaitReleasesTheLockAndReturnsHoldingItAgainAfterASignal() {
        Task<Void> waiter = waiter("a");
        Turns.run(loop, 1);
        assertFalse(condition.locked(), "the lock is free while the waiter waits");
        holder(() -> {
            log.add("signal");
            condition.signal();
        });
        RunUntil.done(loop, waiter);
        assertEquals(List.of("signal", "a woke holding the lock: true"), log);
        assertFalse(condition.locked());
    }

    @Test
    void signalWakesTheLongestWaitingFirstAndSignalAllWakesTheRest() {
        waiter("a");
        waiter("b");
        waiter("c");
        Task<Void> last = waiter("d");
        Turns.run(loop, 1);
        holder(() -> condition.signal(2));
        Turns.run(loop, 4);
        assertEquals(List.of("a woke holding the lock: true", "b woke holding the lock: true"), log);
        holder(condition::signalAll);
        RunUntil.done(loop, last);
        assertEquals(List.of("a woke holding the lock: true", "b woke holding the lock: true",
                "c woke holding the lock: true", "d woke holding the lock: true"), log);
    }

    @Test
    void waitUntilWaitsForSignalsUntilThePredicateHolds() {
        List<Integer> items = new ArrayList<>();
        Task<Void> waiter = waiter("a", () -> condition.waitUntil(() -> items.size() >= 2));
        Turns.run(loop, 1);
        holder(() -> {
            items.add(1);
            condition.signalAll();
        });
        Turns.run(loop, 4);
        assertEquals(List.of(), log, "one item is not enough: the waiter waits again");
        holder(() -> {
            items.add(2);
            condition.signalAll();
        });
        RunUntil.done(loop, waiter);
        assertEquals(List.of("a woke holding the lock: true"), log);
    }

    @Test
    void waitUntilReturnsAtOnceWhenThePredicateHoldsAlready() {
        RunUntil.done(loop, waiter("a", () -> condition.waitUntil(() -> true)));
        assertEquals(List.of("a woke holding the lock: true"), log);
    }

    @Test
    void aWaiterCancelledWhileWaitingTakesTheLockBackBeforeItSeesTheCancellation() {
        AsyncFuture<Void> gate = new AsyncFuture<>(loop);
        Task<Void> waiter = waiter("a");
        Turns.run(loop, 1);
        Task<Void> blocker = loop.createTask(Steps.of(
                m -> awaiting(condition.acquire()),
                m -> {
                    m.resume();
                    return awaiting(gate);
                },
                m -> {
                    m.resume();
                    log.add("blocker releases");
                    condition.release();
                    return null;
                }));
        Turns.run(loop, 1);
        waiter.cancel();
        Turns.run(loop, 3);
        assertEquals(List.of(), log, "the cancelled waiter waits for the lock");
        gate.setResult(null);
        RunUntil.done(loop, blocker);
        Turns.run(loop, 2);
        assertEquals(List.of("blocker releases", "a cancelled holding the lock: true"), log);
        assertTrue(waiter.isCancelled());
        assertFalse(condition.locked());
    }

    @Test
    void aWaiterCancelledAfterItWasSignalledPassesTheSignalOn() {
        Task<Void> cancelled = waiter("a");
        Task<Void> next = waiter("b");
        Turns.run(loop, 1);
        holder(() -> {
            condition.signal();
            cancelled.cancel();
        });
        RunUntil.done(loop, next);
        assertEquals(List.of("a cancelled holding the lock: true", "b woke holding the lock: true"), log);
    }

    @Test
    void signallingWithoutTheLockFails() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, condition::signal);
        assertEquals("signal() on a Condition whose lock is not acquired; acquire it first", thrown.getMessage());
        assertThrows(IllegalStateException.class, condition::signalAll);
        condition.acquire();
        assertThrows(IllegalArgumentException.class, () -> condition.signal(-1));
    }

    @Test
    void waitingWithoutTheLockFailsWhenAwaited() {
        Task<String> task = loop.createTask(Steps.of(m -> awaiting(condition.waitSignal()), m -> {
            try {
                m.resume();
                return "waited";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        RunUntil.done(loop, task);
        assertEquals("waitSignal() on a Condition whose lock is not acquired; acquire it first", task.result());
    }

    @Test
    void conditionsMayShareALock() {
        Lock lock = new Lock(loop);
        Condition first = new Condition(lock);
        Condition second = new Condition(lock);
        first.acquire();
        assertTrue(second.locked());
        second.release();
        assertFalse(lock.locked());
    }
}
