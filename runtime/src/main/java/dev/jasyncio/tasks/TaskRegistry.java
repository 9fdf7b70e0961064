package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The book an event loop keeps of its tasks: every task that is still pending or that failed
 * without anyone taking its exception, in creation order, and the task that is running now.
 *
 * <p>The tasks form an intrusive doubly-linked list (the links are fields of {@link Task}), so
 * tracking costs no allocation and adding or removing a task costs O(1).
 *
 * <p>Each {@link EventLoop} creates one and keeps it private; the class is public only because the
 * loop lives in another package. Tasks created through another registry are unknown to the loop.
 */
public final class TaskRegistry {

    final EventLoop loop;
    private Task<?> first;
    private Task<?> last;

    /** The task whose step is running, or null between steps. */
    Task<?> current;

    public TaskRegistry(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * A new task for {@code coroutine}, scheduled on the loop.
     *
     * @throws IllegalStateException if the coroutine was awaited or wrapped in a task before
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return new Task<>(this, coroutine);
    }

    /** The task whose step is running now, or null if none is (asyncio's {@code current_task}). */
    public Task<?> currentTask() {
        return current;
    }

    /** The tasks not done yet, in creation order (asyncio's {@code all_tasks}). */
    public List<Task<?>> pendingTasks() {
        List<Task<?>> pending = new ArrayList<>();
        for (Task<?> task = first; task != null; task = task.next) {
            if (!task.isDone()) {
                pending.add(task);
            }
        }
        return pending;
    }

    /**
     * Reports through the loop's exception handler every task that failed with an exception nobody
     * took, and every task that is still pending; the loop calls this when it closes, after which
     * these tasks can never be retrieved or finish.
     */
    public void reportAbandoned() {
        for (Task<?> task = first; task != null; ) {
            Task<?> following = task.next;
            untrack(task);
            if (task.isDone()) {
                loop.callExceptionHandler(
                        new ExceptionContext("Task exception was never retrieved", task.outcomeError(), task));
            } else {
                loop.callExceptionHandler(new ExceptionContext(
                        "Task was abandoned while still pending: its loop closed first", null, task));
            }
            task = following;
        }
    }

    void track(Task<?> task) {
        task.tracked = true;
        task.previous = last;
        if (last == null) {
            first = task;
        } else {
            last.next = task;
        }
        last = task;
    }

    void untrack(Task<?> task) {
        if (!task.tracked) {
            return;
        }
        task.tracked = false;
        if (task.previous == null) {
            first = task.next;
        } else {
            task.previous.next = task.next;
        }
        if (task.next == null) {
            last = task.previous;
        } else {
            task.next.previous = task.previous;
        }
        task.previous = null;
        task.next = null;
    }
}
