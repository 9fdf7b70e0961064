package dev.jasyncio.queues;

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
import dev.jasyncio.tasks.Gather;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.CancellationLog;
import dev.jasyncio.testing.RunUntil;
import dev.jasyncio.testing.Steps;
import dev.jasyncio.testing.Turns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueTest {

    private final EventLoop loop = new EventLoop();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that gets one item and logs it, or logs how the get failed. */
    private Task<Void> getter(Queue<String> queue, String name) {
        return loop.createTask(Steps.of(m -> awaiting(queue.get()), m -> {
            try {
                log.add(name + " got " + CancellationLog.resume(m, log, name));
            } catch (QueueShutdownException e) {
                log.add(name + ": " + e.getMessage());
            }
            return null;
        }));
    }

    /** A task that puts {@code item} and logs it, or logs how the put failed. */
    private Task<Void> putter(Queue<String> queue, String item) {
        return loop.createTask(Steps.of(m -> awaiting(queue.put(item)), m -> {
            try {
                CancellationLog.resume(m, log, "put " + item);
                log.add("put " + item);
            } catch (QueueShutdownException e) {
                log.add("put " + item + ": " + e.getMessage());
            }
            return null;
        }));
    }

    /** A task that joins the queue and logs when it has. */
    private Task<Void> joiner(Queue<String> queue) {
        return loop.createTask(Steps.of(m -> awaiting(queue.join()), m -> {
            m.resume();
            log.add("joined");
            return null;
        }));
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> items = new ArrayList<>();
        while (!queue.isEmpty()) {
            items.add(queue.getNow());
        }
        return items;
    }

    @Test
    void eachKindOfQueueGivesItsItemsOutInItsOwnOrder() {
        Queue<Integer> fifo = new Queue<>(loop, Queue.UNBOUNDED);
        Queue<Integer> lifo = new LifoQueue<>(loop, Queue.UNBOUNDED);
        Queue<Integer> smallestFirst = new PriorityQueue<>(loop, Queue.UNBOUNDED, null);
        Queue<Integer> largestFirst = new PriorityQueue<>(loop, Queue.UNBOUNDED, Comparator.reverseOrder());
        for (int item : List.of(2, 3, 1)) {
            fifo.putNow(item);
            lifo.putNow(item);
            smallestFirst.putNow(item);
            largestFirst.putNow(item);
        }
        assertEquals(List.of(2, 3, 1), drain(fifo));
        assertEquals(List.of(1, 3, 2), drain(lifo));
        assertEquals(List.of(1, 2, 3), drain(smallestFirst));
        assertEquals(List.of(3, 2, 1), drain(largestFirst));
    }

    @Test
    void theNonWaitingVariantsFailWithTheirOwnExceptions() {
        Queue<String> queue = new Queue<>(loop, 1);
        QueueEmptyException empty = assertThrows(QueueEmptyException.class, queue::getNow);
        assertEquals("the queue is empty", empty.getMessage());
        queue.putNow("a");
        QueueFullException full = assertThrows(QueueFullException.class, () -> queue.putNow("b"));
        assertEquals("the queue is full: it holds 1 items", full.getMessage());
        assertEquals(List.of("a"), drain(queue));
    }

    @Test
    void whatCanBeDoneAtOnceIsCompleteAlreadyAndAnImmediatePutAllocatesNothing() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        Awaitable<Void> first = queue.put("a");
        assertTrue(assertInstanceOf(AsyncFuture.class, first).isDone());
        assertSame(first, queue.put("b"));
        AsyncFuture<?> got = assertInstanceOf(AsyncFuture.class, queue.get());
        assertEquals("a", got.result());
    }

    @Test
    void aFullQueueHoldsTheProducerBackUntilTheConsumerMakesRoom() {
        Queue<String> queue = new Queue<>(loop, 2);
        Task<Void> producer = loop.createTask(Steps.of(
                m -> awaiting(queue.put("1")),
                m -> {
                    m.resume();
                    log.add("put 1");
                    return awaiting(queue.put("2"));
                },
                m -> {
                    m.resume();
                    log.add("put 2");
                    return awaiting(queue.put("3"));
                },
                m -> {
                    m.resume();
                    log.add("put 3");
                    return null;
                }));
        Turns.run(loop, 2);
        assertEquals(List.of("put 1", "put 2"), log);
        assertTrue(queue.isFull());
        log.add("took " + queue.getNow());
        RunUntil.done(loop, producer);
        assertEquals(List.of("put 1", "put 2", "took 1", "put 3"), log);
        assertEquals(List.of("2", "3"), drain(queue));
    }

    @Test
    void waitingGettersAreServedInTheOrderTheyStartedWaiting() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        getter(queue, "g1");
        getter(queue, "g2");
        Task<Void> last = getter(queue, "g3");
        Turns.run(loop, 1);
        queue.putNow("a");
        queue.putNow("b");
        queue.putNow("c");
        assertTrue(queue.isEmpty(), "the items went straight to the waiters");
        assertThrows(QueueEmptyException.class, queue::getNow, "nobody can overtake a waiter");
        RunUntil.done(loop, last);
        assertEquals(List.of("g1 got a", "g2 got b", "g3 got c"), log);
    }

    @Test
    void aGetterCancelledAfterItWasHandedAnItemPassesItToTheNextGetter() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        Task<Void> cancelled = getter(queue, "g1");
        Task<Void> next = getter(queue, "g2");
        Turns.run(loop, 1);
        queue.putNow("a");
        cancelled.cancel();
        RunUntil.done(loop, next);
        assertEquals(List.of("g1 cancelled", "g2 got a"), log);
    }

    @Test
    void aGetterCancelledAfterItWasHandedAnItemPutsItBackAtTheFront() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        Task<Void> cancelled = getter(queue, "g1");
        Turns.run(loop, 1);
        queue.putNow("a");
        queue.putNow("b");
        cancelled.cancel();
        RunUntil.done(loop, cancelled);
        assertEquals(List.of("a", "b"), drain(queue));
    }

    /**
     * A combinator runs a get in a task of its own, which takes what it is handed or gives it back:
     * a gather cancelled between the hand-over and the getter's resumption loses no item.
     */
    @Test
    void aGatherOfGetsCancelledAfterAHandOverPutsTheItemBack() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        AsyncFuture<List<String>> both = Gather.all(loop, List.of(queue.get(), queue.get()));
        Turns.run(loop, 1);
        queue.putNow("a");
        both.cancel();
        RunUntil.done(loop, both);
        assertTrue(both.isCancelled());
        assertEquals(List.of("a"), drain(queue));
    }

    @Test
    void aGatherOfGetsGivesTheItemsInArgumentOrder() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        AsyncFuture<List<String>> both = Gather.all(loop, List.of(queue.get(), queue.get()));
        Turns.run(loop, 1);
        queue.putNow("a");
        queue.putNow("b");
        RunUntil.done(loop, both);
        assertEquals(List.of("a", "b"), both.result());
    }

    @Test
    void aGetAwaitedTwiceFailsTheSecondAwait() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        Awaitable<String> get = queue.get();
        Task<Object> first = loop.createTask(Steps.of(m -> awaiting(get), Steps::resumeOrThrown));
        Task<Object> second = loop.createTask(Steps.of(m -> awaiting(get), Steps::resumeOrThrown));
        Turns.run(loop, 1);
        queue.putNow("a");
        RunUntil.done(loop, first);
        RunUntil.done(loop, second);
        assertEquals("a", first.result());
        IllegalStateException twice = assertInstanceOf(IllegalStateException.class, second.result());
        assertTrue(twice.getMessage().startsWith("this operation was awaited already, and it runs only once"),
                twice.getMessage());
    }

    @Test
    void anItemHandedToAGetterThatHasNotResumedStillTakesItsSlot() {
        Queue<String> queue = new Queue<>(loop, 1);
        Task<Void> getter = getter(queue, "g");
        Turns.run(loop, 1);
        queue.putNow("a");
        assertTrue(queue.isFull());
        assertThrows(QueueFullException.class, () -> queue.putNow("b"));
        RunUntil.done(loop, getter);
        assertFalse(queue.isFull());
        assertEquals(List.of("g got a"), log);
    }

    @Test
    void aPutterCancelledAfterItWasPromisedASlotPassesTheSlotOnAndPutsNothing() {
        Queue<String> queue = new Queue<>(loop, 1);
        queue.putNow("a");
        Task<Void> cancelled = putter(queue, "b");
        Task<Void> next = putter(queue, "c");
        Turns.run(loop, 1);
        assertEquals("a", queue.getNow());
        cancelled.cancel();
        RunUntil.done(loop, next);
        assertEquals(List.of("put b cancelled", "put c"), log);
        assertEquals(List.of("c"), drain(queue));
    }

    @Test
    void aPutterCancelledWhileWaitingLeavesTheLine() {
        Queue<String> queue = new Queue<>(loop, 1);
        queue.putNow("a");
        Task<Void> cancelled = putter(queue, "b");
        Turns.run(loop, 1);
        cancelled.cancel();
        RunUntil.done(loop, cancelled);
        assertEquals("a", queue.getNow());
        assertFalse(queue.isFull());
        assertEquals("Queue[[], capacity=1, getters=0, putters=0, unfinished=1]", queue.toString());
    }

    @Test
    void joinWaitsUntilEveryItemPutIsMarkedDone() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        assertTrue(((AsyncFuture<?>) queue.join()).isDone(), "nothing was put: nothing to wait for");
        queue.putNow("a");
        queue.putNow("b");
        Task<Void> joiner = joiner(queue);
        Turns.run(loop, 2);
        queue.getNow();
        queue.getNow();
        queue.taskDone();
        Turns.run(loop, 2);
        assertEquals(List.of(), log, "one item is still being worked on");
        queue.taskDone();
        RunUntil.done(loop, joiner);
        assertEquals(List.of("joined"), log);
        IllegalStateException tooMany = assertThrows(IllegalStateException.class, queue::taskDone);
        assertEquals("taskDone() called more times than items were put in the queue", tooMany.getMessage());
    }

    @Test
    void afterAShutdownPutsFailAndGetsTakeWhatIsLeftThenFail() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        queue.putNow("a");
        queue.shutdown();
        assertTrue(queue.isShutdown());
        QueueShutdownException refused = assertThrows(QueueShutdownException.class, () -> queue.putNow("b"));
        assertEquals("cannot put: the queue is shut down", refused.getMessage());
        RunUntil.done(loop, putter(queue, "c"));
        assertEquals("a", queue.getNow());
        QueueShutdownException empty = assertThrows(QueueShutdownException.class, queue::getNow);
        assertEquals("cannot get: the queue is shut down and has no items left", empty.getMessage());
        RunUntil.done(loop, getter(queue, "g"));
        assertEquals(List.of("put c: cannot put: the queue is shut down",
                "g: cannot get: the queue is shut down and has no items left"), log);
    }

    @Test
    void aShutdownFailsTheTasksWaitingToGetAndToPut() {
        Queue<String> empty = new Queue<>(loop, Queue.UNBOUNDED);
        Queue<String> full = new Queue<>(loop, 1);
        full.putNow("a");
        Task<Void> getter = getter(empty, "g");
        Task<Void> putter = putter(full, "b");
        Turns.run(loop, 1);
        empty.shutdown();
        full.shutdown();
        RunUntil.done(loop, getter);
        RunUntil.done(loop, putter);
        assertEquals(List.of("g: cannot get: the queue is shut down and has no items left",
                "put b: cannot put: the queue is shut down"), log);
        assertEquals("a", full.getNow());
    }

    @Test
    void anImmediateShutdownDropsTheItemsLeftAndCountsThemDone() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        queue.putNow("a");
        queue.putNow("b");
        Task<Void> joiner = joiner(queue);
        Turns.run(loop, 1);
        queue.shutdown(true);
        assertEquals(0, queue.size());
        assertThrows(QueueShutdownException.class, queue::getNow);
        RunUntil.done(loop, joiner);
        assertEquals(List.of("joined"), log);
    }

    @Test
    void anImmediateShutdownAlsoDropsAnItemHandedToAGetterThatHasNotResumed() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        Task<Void> getter = getter(queue, "g");
        Turns.run(loop, 1);
        queue.putNow("a");
        queue.shutdown(true);
        RunUntil.done(loop, getter);
        assertEquals(List.of("g: cannot get: the queue is shut down and has no items left"), log);
        assertTrue(((AsyncFuture<?>) queue.join()).isDone());
    }

    @Test
    void itemsMayNotBeNullAndTheCapacityMayNotBeNegative() {
        Queue<String> queue = new Queue<>(loop, Queue.UNBOUNDED);
        assertThrows(NullPointerException.class, () -> queue.putNow(null));
        assertThrows(NullPointerException.class, () -> queue.put(null));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Queue<>(loop, -1));
        assertEquals("a queue's capacity is 0 (unbounded) or more, not -1", negative.getMessage());
    }
}
