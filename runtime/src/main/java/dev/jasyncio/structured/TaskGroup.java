package dev.jasyncio.structured;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.DeadlineExceededException;
import dev.jasyncio.tasks.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Structured concurrency, asyncio's {@code TaskGroup}: tasks created in the group never outlive
 * it. A user writes the group's body as an {@code @Async} method that takes the group:
 *
 * <pre>{@code
 * @Async
 * static Coroutine<Void> fetchBoth(TaskGroup group) {
 *     group.createTask(fetch("a"));
 *     group.createTask(fetch("b"));
 *     return done(null);
 * }
 *
 * await(taskGroup(group -> fetchBoth(group)));   // returns once both fetches are done
 * }</pre>
 *
 * <ul>
 *   <li>The body runs in the awaiting task, as a frame of its chain, like the body of an
 *       {@code async with} block.
 *   <li>Leaving the group waits for every task created in it.
 *   <li>The first task that fails cancels the others and the body (if it is still running); once
 *       all are done, the group throws an {@link ExceptionGroup} with every failure, the body's
 *       own last.
 *   <li>A cancellation of the awaiting task from outside cancels the tasks too, and comes out as
 *       the {@link CancelledException} it is, so the caller can tell it from a failure; so does the
 *       expiry of a timeout scope around the group. The group's own cancellation request is
 *       counted and withdrawn ({@link Task#uncancel()}), as asyncio does.
 * </ul>
 */
public final class TaskGroup {

    private static final String FAILED = "unhandled errors in a TaskGroup";

    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<AsyncFuture<?>> onTaskDone = this::taskDone;
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private AsyncFuture<Void> allDone;

    private TaskGroup(Task<?> parent) {
        this.parent = parent;
    }

    /**
     * A coroutine that runs {@code body} with a new group in the task that awaits it, then waits
     * for the group's tasks, and gives the body's value.
     */
    public static <T> Coroutine<T> run(Function<? super TaskGroup, ? extends Coroutine<T>> body) {
        return new Scope<>(Objects.requireNonNull(body, "body"));
    }

    /**
     * Starts {@code coroutine} as a task of this group.
     *
     * @throws IllegalStateException if the group is shutting down after a failure, or is finished
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        if (aborting) {
            throw new IllegalStateException("the TaskGroup is shutting down: a task failed or the group was cancelled");
        }
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("the TaskGroup is finished");
        }
        Task<T> task = parent.loop().createTask(coroutine);
        tasks.add(task);
        task.addDoneCallback(onTaskDone);
        return task;
    }

    /** {@link #createTask(Coroutine)}, naming the task. */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Task<T> task = createTask(coroutine);
        task.setName(name);
        return task;
    }

    @Override
    public String toString() {
        return "TaskGroup[" + tasks.size() + " tasks" + (aborting ? ", aborting" : exiting ? ", exiting" : "") + "]";
    }

    private void taskDone(AsyncFuture<?> task) {
        tasks.remove(task);
        if (allDone != null && tasks.isEmpty() && !allDone.isDone()) {
            allDone.setResult(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable failure = task.exception();
        if (failure == null) {
            return;
        }
        errors.add(failure);
        if (parent.isDone()) {
            parent.loop().callExceptionHandler(new ExceptionContext(
                    "a task of a TaskGroup failed after the group's task was done", failure, task));
            return;
        }
        if (!aborting) {
            abort();
            if (!exiting) {
                // The body is still running: stop it too. The request is withdrawn on exit.
                parentCancelRequested = true;
                parent.cancel();
            }
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : List.copyOf(tasks)) {
            task.cancel();
        }
    }

    /**
     * The body is over: withdraws the group's own cancellation request, cancels the tasks if the
     * body failed, and returns the interruption from outside to pass on, if any.
     */
    private Throwable beginExit(Throwable bodyError) {
        exiting = true;
        Throwable passOn = isFromOutside(bodyError) ? bodyError : null;
        if (parentCancelRequested && parent.uncancel() == 0) {
            passOn = null;
        }
        if (bodyError != null && !aborting) {
            abort();
        }
        return passOn;
    }

    /** A future done when no task of the group is left, or null if none is left now. */
    private AsyncFuture<Void> nextWait() {
        if (tasks.isEmpty()) {
            return null;
        }
        allDone = new AsyncFuture<>(parent.loop());
        return allDone;
    }

    /** The outcome of the whole group once every task is done. */
    private <T> T finish(T bodyValue, Throwable bodyError, Throwable passOn) {
        if (passOn != null && errors.isEmpty()) {
            throw rethrow(passOn);
        }
        if (bodyError != null && !isFromOutside(bodyError)) {
            errors.add(bodyError);
        }
        if (!errors.isEmpty()) {
            throw new ExceptionGroup(FAILED, errors);
        }
        return bodyValue;
    }

    /**
     * A cancellation, or the expiry of a timeout scope around the group: a request to stop that
     * came from outside, not a failure of the body.
     */
    private static boolean isFromOutside(Throwable error) {
        return error instanceof CancelledException
                || error instanceof DeadlineExceededException expiry && expiry.scopeIsOpen();
    }

    /** Only called with a CancelledException (an Error) or a DeadlineExceededException (unchecked). */
    private static RuntimeException rethrow(Throwable interruption) {
        if (interruption instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) interruption;
    }

    /** The frame that runs the body and then waits for the group: the group's {@code async with}. */
    private static final class Scope<T> extends Coroutine<T> {

        private static final int BODY_DONE = 1;
        private static final int TASKS_DONE = 2;

        private final Function<? super TaskGroup, ? extends Coroutine<T>> body;
        private TaskGroup group;
        private T bodyValue;
        private Throwable bodyError;
        private Throwable passOn;

        Scope(Function<? super TaskGroup, ? extends Coroutine<T>> body) {
            this.body = body;
        }

        @Override
        protected Object step() {
            if (label == 0) {
                Task<?> parent = EventLoop.getRunningLoop().currentTask();
                if (parent == null) {
                    throw new IllegalStateException("a TaskGroup must run inside a task: await it from an @Async method");
                }
                group = new TaskGroup(parent);
                label = BODY_DONE;
                Coroutine<T> started;
                try {
                    started = body.apply(group);
                } catch (Throwable e) {
                    return exitAfter(e);
                }
                if (awaitSuspends(started)) {
                    return SUSPENDED;
                }
            }
            if (label == BODY_DONE) {
                try {
                    bodyValue = resumeValue();
                } catch (Throwable e) {
                    return exitAfter(e);
                }
                return exitAfter(null);
            }
            try {
                resumeValue();
            } catch (CancelledException | DeadlineExceededException fromOutside) {
                // Only a cancellation or a timeout scope's expiry reaches this await: the future is ours.
                passOn = fromOutside;
                if (!group.aborting) {
                    group.abort();
                }
            }
            return waitForTasks();
        }

        private Object exitAfter(Throwable error) {
            bodyError = error;
            passOn = group.beginExit(error);
            return waitForTasks();
        }

        private Object waitForTasks() {
            AsyncFuture<Void> next = group.nextWait();
            while (next != null) {
                label = TASKS_DONE;
                if (awaitSuspends(next)) {
                    return SUSPENDED;
                }
                resumeValue();
                next = group.nextWait();
            }
            return group.finish(bodyValue, bodyError, passOn);
        }
    }
}
