package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The book an event loop keeps of its tasks: every task that is still pending, in creation order,
 * the failures that nobody retrieved yet, and the task that is running now.
 *
 * <p>The pending tasks form an intrusive doubly-linked list (the links are fields of
 * {@link Task}), so tracking costs no allocation and adding or removing a task costs O(1). A task
 * that fails leaves the list and its failure is watched by a {@link LostFailure}, which does not
 * keep the task alive, so a failed task nobody refers to is collected and reported then.
 *
 * <p>Each {@link EventLoop} creates one and keeps it private; the class is public only because the
 * loop lives in another package. Tasks created through another registry are unknown to the loop.
 */
public final class TaskRegistry {

    final EventLoop loop;
    final TaskScheduling scheduling;
    private Task<?> first;
    private Task<?> last;
    private int tasksCreated;
    private final Set<LostFailure> unretrieved = new LinkedHashSet<>();

    /** The task whose step is running, or null between steps. */
    Task<?> current;

    /** The registry of {@code loop}, which queues and times the tasks' steps through {@code scheduling}. */
    public TaskRegistry(EventLoop loop, TaskScheduling scheduling) {
        this.loop = loop;
        this.scheduling = scheduling;
    }

    /**
     * Runs the next step of {@code task}, which {@link TaskScheduling#scheduleStep} queued: the
     * loop calls this when the task's turn in the ready queue comes.
     *
     * @throws IllegalArgumentException if the task belongs to another registry
     */
    public void runStep(Task<?> task) {
        checkOwn(task);
        task.step();
    }

    /**
     * Ends the sleep of {@code task}, whose deadline has come: the timer heap calls this when it
     * takes the task out, then the loop runs its next step through {@link #runStep}.
     *
     * @throws IllegalArgumentException if the task belongs to another registry
     */
    public void wakeFromSleep(Task<?> task) {
        checkOwn(task);
        task.wakeFromSleep();
    }

    /**
     * Where {@code task} is in the timer heap, which keeps the place of each sleeping task up to
     * date with {@link #movedInTimerHeap} so that it can take a task out early.
     *
     * @return the index, or -1 if the task is not in the heap
     */
    public int timerIndex(Task<?> task) {
        checkOwn(task);
        return task.timerIndex;
    }

    /** Records that {@code task} is now at {@code index} in the timer heap, -1 once it left. */
    public void movedInTimerHeap(Task<?> task, int index) {
        checkOwn(task);
        task.timerIndex = index;
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
     * Reports through the loop's exception handler every task failure nobody took, then every
     * task that is still pending; the loop calls this when it closes, after which these tasks can
     * never be retrieved or finish.
     */
    public void reportAbandoned() {
        for (LostFailure failure : List.copyOf(unretrieved)) {
            failure.report();
        }
        for (Task<?> task = first; task != null; ) {
            Task<?> following = task.next;
            untrack(task);
            loop.callExceptionHandler(new ExceptionContext(
                    "Task was abandoned while still pending: its loop closed first", null, task));
            task = following;
        }
    }

    /** Debug mode: from now on, record where coroutines are created and report those never awaited. */
    public void watchCoroutinesFromNowOn() {
        CoroutineWatch.start();
    }

    private void checkOwn(Task<?> task) {
        if (task.registry != this) {
            throw new IllegalArgumentException(task + " belongs to another event loop");
        }
    }

    int nextTaskNumber() {
        return ++tasksCreated;
    }

    /** Starts watching the failure of {@code task} until someone retrieves it. */
    LostFailure watchFailure(Task<?> task, Throwable failure) {
        LostFailure watcher = new LostFailure(this, task, failure);
        unretrieved.add(watcher);
        return watcher;
    }

    void forget(LostFailure failure) {
        unretrieved.remove(failure);
    }

    void track(Task<?> task) {
        task.previous = last;
        if (last == null) {
            first = task;
        } else {
            last.next = task;
        }
        last = task;
    }

    void untrack(Task<?> task) {
        if (task.previous == null && first != task) {
            return;
        }
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
