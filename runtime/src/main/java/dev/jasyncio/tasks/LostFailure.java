package dev.jasyncio.tasks;

import dev.jasyncio.loop.ExceptionContext;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

/**
 * Watches the exception of a failed task until someone retrieves it, and reports it through the
 * loop's exception handler if nobody does: when the loop closes, or when the task is
 * garbage-collected first, as asyncio reports "Task exception was never retrieved".
 *
 * <p>It holds the task only weakly, so that a task nobody refers to any more can be collected;
 * the {@link Cleaner} then runs this watcher on its own thread, which only hands the report to the
 * loop thread. Every change of state happens on the loop thread, so a failure is reported once,
 * whether the collection or the loop's closing comes first.
 */
final class LostFailure implements Runnable {

    static final String MESSAGE = "Task exception was never retrieved";

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final TaskRegistry registry;
    private final Throwable failure;
    private final WeakReference<Task<?>> task;
    private final String description;
    private final Cleaner.Cleanable cleanable;

    /** Written on the loop thread; read by the cleaner's thread to skip settled failures. */
    private volatile boolean settled;

    LostFailure(TaskRegistry registry, Task<?> task, Throwable failure) {
        this.registry = registry;
        this.failure = failure;
        this.task = new WeakReference<>(task);
        this.description = task.getName() + " (" + task.coroutineName() + ")";
        this.cleanable = CleanerHolder.CLEANER.register(task, this);
    }

    /** Someone took the exception: nothing to report. */
    void retrieved() {
        settled = true;
        registry.forget(this);
        cleanable.clean();
    }

    /** Reports the failure now unless it was retrieved or reported already; on the loop thread. */
    void report() {
        if (settled) {
            return;
        }
        settled = true;
        registry.forget(this);
        Task<?> failed = task.get();
        registry.loop.callExceptionHandler(
                new ExceptionContext(MESSAGE, failure, failed != null ? failed : description));
    }

    /** The task was collected (the cleaner's thread): hand the report to the loop's thread. */
    @Override
    public void run() {
        if (settled) {
            return;
        }
        try {
            registry.loop.callSoonThreadsafe(this::report);
        } catch (IllegalStateException closed) {
            // The loop reported every failure still watched when it closed, this one included.
        }
    }
}
