package dev.jasyncio;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.gather;
import static dev.jasyncio.Jasyncio.gatherReturnExceptions;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Outcome;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GatherTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void resultsComeInArgumentOrderWhateverOrderTheChildrenFinishIn() {
        List<String> results = EventLoop.run(Steps.of(
                m -> awaiting(gather(after(30, "slow"), after(10, "fast"), done("now"), sleep(Duration.ZERO, "yield"))),
                Steps::resume));
        assertEquals(List.of("slow", "fast", "now", "yield"), results);
        assertEquals(List.of("fast", "slow"), log);
    }

    @Test
    void theCollectionFormGathersToo() {
        List<Integer> results = EventLoop.run(Steps.of(
                m -> awaiting(gather(List.of(done(1), done(2), done(3)))),
                Steps::resume));
        assertEquals(List.of(1, 2, 3), results);
    }

    @Test
    void anAwaitablePassedTwiceRunsOnceAndGivesItsValueInBothPlaces() {
        Coroutine<String> coroutine = after(10, "coroutine");
        List<String> results = EventLoop.run(Steps.of(
                m -> {
                    Task<String> task = createTask(after(5, "task"));
                    return awaiting(gather(coroutine, task, coroutine, task));
                },
                Steps::resume));
        assertEquals(List.of("coroutine", "task", "coroutine", "task"), results);
        assertEquals(List.of("task", "coroutine"), log);
    }

    @Test
    void theFirstFailureFailsTheGatherAtOnceAndTheOtherChildrenKeepRunning() {
        IllegalArgumentException failure = new IllegalArgumentException("first failure");
        AtomicReference<Task<String>> slow = new AtomicReference<>();
        AtomicReference<Boolean> slowDoneWhenGatherFailed = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    slow.set(createTask(after(100, "slow")));
                    return awaiting(gather(slow.get(), failAfter(10, failure)));
                },
                m -> {
                    try {
                        return m.resume();
                    } catch (IllegalArgumentException e) {
                        assertSame(failure, e);
                        slowDoneWhenGatherFailed.set(slow.get().isDone());
                        return awaiting(slow.get());
                    }
                },
                Steps::resume));
        assertFalse(slowDoneWhenGatherFailed.get());
        assertEquals("slow", result);
    }

    @Test
    void gatherReturnExceptionsCollectsEveryOutcome() {
        IllegalStateException failure = new IllegalStateException("collected");
        List<Outcome<String>> outcomes = EventLoop.run(Steps.of(
                m -> {
                    Task<String> cancelled = createTask(after(1000, "never"));
                    cancelled.cancel("stop");
                    return awaiting(gatherReturnExceptions(after(10, "ok"), failAfter(5, failure), cancelled));
                },
                Steps::resume));
        assertEquals(3, outcomes.size());
        assertEquals(Outcome.success("ok"), outcomes.get(0));
        assertEquals(Outcome.failure(failure), outcomes.get(1));
        assertFalse(outcomes.get(2).isSuccess());
        assertTrue(outcomes.get(2).exception() instanceof CancelledException);
    }

    @Test
    void cancellingTheGatherCancelsItsChildren() {
        AtomicReference<AsyncFuture<List<String>>> gathered = new AtomicReference<>();
        AtomicReference<List<Task<String>>> children = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    children.set(List.of(createTask(cancellable("a")), createTask(cancellable("b"))));
                    gathered.set(gather(children.get()));
                    return awaiting(sleep(0));
                },
                m -> {
                    m.resume();
                    assertTrue(gathered.get().cancel());
                    return awaiting(gathered.get());
                },
                m -> {
                    try {
                        m.resume();
                        return "not cancelled";
                    } catch (CancelledException e) {
                        return "cancelled";
                    }
                }));
        assertEquals("cancelled", result);
        assertTrue(gathered.get().isCancelled());
        assertTrue(children.get().stream().allMatch(AsyncFuture::isCancelled));
        assertEquals(List.of("a cancelled", "b cancelled"), log);
    }

    @Test
    void aCancelledChildFailsTheGatherWithCancelledException() {
        AtomicReference<Task<String>> sibling = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(
                m -> {
                    Task<String> doomed = createTask(after(1000, "doomed"));
                    sibling.set(createTask(after(20, "sibling")));
                    AsyncFuture<List<String>> gathered = gather(doomed, sibling.get());
                    doomed.cancel();
                    return awaiting(gathered);
                },
                m -> {
                    try {
                        m.resume();
                        return "not cancelled";
                    } catch (CancelledException e) {
                        return awaiting(sibling.get());
                    }
                },
                Steps::resume));
        assertEquals("sibling", result, "the sibling should keep running and finish");
    }

    @Test
    void anEmptyGatherIsDoneAtOnceWithAnEmptyList() {
        AsyncFuture<List<Object>> gathered = EventLoop.run(Steps.of(m -> gather()));
        assertTrue(gathered.isDone());
        assertEquals(List.of(), gathered.result());
        AsyncFuture<List<Outcome<Object>>> outcomes = EventLoop.run(Steps.of(m -> gatherReturnExceptions()));
        assertEquals(List.of(), outcomes.result());
    }

    @Test
    void gatherNeedsARunningLoop() {
        assertThrows(IllegalStateException.class, () -> gather(done(1)));
    }

    private Coroutine<String> after(long millis, String name) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            log.add(name);
            return name;
        });
    }

    private static Coroutine<String> failAfter(long millis, RuntimeException failure) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            throw failure;
        });
    }

    private Coroutine<String> cancellable(String name) {
        return Steps.of(m -> awaiting(sleep(Duration.ofSeconds(30))), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                log.add(name + " cancelled");
                throw e;
            }
        });
    }
}
