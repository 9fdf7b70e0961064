package dev.jasyncio.structured;

import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.currentTask;
import static dev.jasyncio.Jasyncio.sleep;
import static dev.jasyncio.Jasyncio.taskGroup;
import static dev.jasyncio.Jasyncio.timeout;
import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.tasks.Timeout;
import dev.jasyncio.testing.Steps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskGroupTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final List<String> log = new ArrayList<>();
    private final List<Task<String>> tasks = new ArrayList<>();

    @Test
    void leavingTheGroupWaitsForEveryTaskAndGivesTheBodysValue() {
        String result = EventLoop.run(Steps.of(m -> awaiting(taskGroup(group -> Steps.of(b -> {
            tasks.add(group.createTask(logAfter(20, "slow")));
            tasks.add(group.createTask(logAfter(5, "fast"), "quick one"));
            log.add("body done");
            return "body value";
        }))), m -> {
            log.add("group left");
            return m.resume();
        }));
        assertEquals("body value", result);
        assertEquals(List.of("body done", "fast", "slow", "group left"), log);
        assertEquals("quick one", tasks.get(1).getName());
    }

    @Test
    void theFirstFailureCancelsTheOtherTasksAndTheBodyAndAllFailuresComeOutTogether() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second, while cancelled");
        Throwable thrown = runExpectingFailure(Steps.of(m -> awaiting(taskGroup(group -> Steps.of(b -> {
            group.createTask(Steps.of(t -> awaiting(sleep(5)), t -> {
                t.resume();
                throw first;
            }));
            group.createTask(Steps.of(t -> awaiting(sleep(LONG)), t -> {
                try {
                    return t.resume();
                } catch (CancelledException e) {
                    throw second;
                }
            }));
            group.createTask(recording("sibling"));
            return awaiting(sleep(LONG));
        }, b -> {
            try {
                return b.resume();
            } catch (CancelledException e) {
                log.add("body cancelled, cancelling=" + currentTask().cancelling());
                throw e;
            }
        }))), m -> {
            try {
                return m.resume();
            } finally {
                log.add("after the group, cancelling=" + currentTask().cancelling());
            }
        }));
        ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, thrown);
        assertEquals(List.of(first, second), group.exceptions());
        assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", group.getMessage());
        assertEquals(List.of(first, second), List.of(group.getSuppressed()));
        // asyncio 3.11 logs the same lines in the same order for the same scenario
        assertEquals(List.of("sibling cancelled", "body cancelled, cancelling=1", "after the group, cancelling=0"), log);
    }

    @Test
    void aFailingBodyCancelsTheTasksAndComesLastInTheGroup() {
        IllegalStateException bodyFailure = new IllegalStateException("body");
        Throwable thrown = runExpectingFailure(Steps.of(m -> awaiting(taskGroup(group -> Steps.of(b -> {
            group.createTask(recording("child"));
            return awaiting(sleep(0));
        }, b -> {
            b.resume();
            throw bodyFailure;
        }))), Steps::resume));
        assertEquals(List.of(bodyFailure), assertInstanceOf(ExceptionGroup.class, thrown).exceptions());
        assertEquals(List.of("child cancelled"), log);
    }

    @Test
    void aCancellationFromOutsideCancelsTheTasksAndComesOutAsACancellation() {
        AtomicReference<Task<String>> outer = new AtomicReference<>();
        Throwable thrown = runExpectingFailure(Steps.of(m -> {
            outer.set(createTask(Steps.of(n -> awaiting(taskGroup(group -> Steps.of(b -> {
                group.createTask(recording("child"));
                return awaiting(sleep(LONG));
            }, Steps::resume))), Steps::resume)));
            return awaiting(sleep(Duration.ofMillis(5)));
        }, m -> {
            m.resume();
            outer.get().cancel("from outside");
            return awaiting(outer.get());
        }, Steps::resume));
        assertEquals("from outside", assertInstanceOf(CancelledException.class, thrown).getMessage());
        assertEquals(List.of("child cancelled"), log);
        assertEquals(1, outer.get().cancelling());
    }

    @Test
    void aCancellationFromOutsideWhileWaitingForTheTasksCancelsThemAndComesOut() {
        AtomicReference<Task<String>> outer = new AtomicReference<>();
        Throwable thrown = runExpectingFailure(Steps.of(m -> {
            outer.set(createTask(Steps.of(n -> awaiting(taskGroup(group -> Steps.of(b -> {
                group.createTask(recording("child"));
                return "body over";
            }))), Steps::resume)));
            return awaiting(sleep(Duration.ofMillis(5)));
        }, m -> {
            m.resume();
            outer.get().cancel("while waiting");
            return awaiting(outer.get());
        }, Steps::resume));
        assertEquals("while waiting", assertInstanceOf(CancelledException.class, thrown).getMessage());
        assertEquals(List.of("child cancelled"), log);
    }

    @Test
    void aTimeoutAroundTheGroupComesOutAsTheTimeoutsExpiry() {
        AtomicReference<Timeout> scope = new AtomicReference<>();
        String result = EventLoop.run(Steps.of(m -> {
            scope.set(timeout(Duration.ofMillis(10)));
            return awaiting(taskGroup(group -> Steps.of(b -> {
                group.createTask(recording("child"));
                return awaiting(sleep(LONG));
            }, Steps::resume)));
        }, m -> {
            try {
                return m.resume();
            } catch (DeadlineExceededException e) {
                return "timed out, scope expired=" + scope.get().expired();
            } finally {
                scope.get().close();
            }
        }));
        assertEquals("timed out, scope expired=true", result);
        assertEquals(List.of("child cancelled"), log);
    }

    @Test
    void aShuttingDownGroupRefusesNewTasks() {
        AtomicReference<TaskGroup> kept = new AtomicReference<>();
        AtomicReference<String> refusal = new AtomicReference<>();
        runExpectingFailure(Steps.of(m -> awaiting(taskGroup(group -> Steps.of(b -> {
            kept.set(group);
            group.createTask(Steps.throwing(new IllegalStateException("boom")));
            return awaiting(sleep(LONG));
        }, b -> {
            try {
                return b.resume();
            } catch (CancelledException e) {
                try {
                    group.createTask(Steps.returning("late"));
                } catch (IllegalStateException refused) {
                    refusal.set(refused.getMessage());
                }
                throw e;
            }
        }))), Steps::resume));
        assertEquals("the TaskGroup is shutting down: a task failed or the group was cancelled", refusal.get());
        assertTrue(kept.get().toString().startsWith("TaskGroup[0 tasks"), kept.get().toString());
    }

    private Coroutine<String> logAfter(long millis, String name) {
        return Steps.of(m -> awaiting(sleep(millis)), m -> {
            m.resume();
            log.add(name);
            return name;
        });
    }

    private Coroutine<String> recording(String name) {
        return Steps.of(m -> awaiting(sleep(LONG)), m -> {
            try {
                return m.resume();
            } catch (CancelledException e) {
                log.add(name + " cancelled");
                throw e;
            }
        });
    }

    private static Throwable runExpectingFailure(Coroutine<?> main) {
        try {
            EventLoop.run(main);
        } catch (Throwable thrown) {
            return thrown;
        }
        throw new AssertionError("EventLoop.run returned normally");
    }
}
