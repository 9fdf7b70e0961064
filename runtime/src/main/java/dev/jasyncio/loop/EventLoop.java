package dev.jasyncio.loop;

import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Gather;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.tasks.TaskRegistry;
import dev.jasyncio.tasks.TaskScheduling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A single-threaded event loop on a {@link Selector}: asyncio's event loop.
 *
 * <p>The loop runs callbacks: those scheduled with {@link #callSoon}, timers whose deadline passed,
 * and the steps of its {@link Task tasks}. Each turn of the loop works like CPython's
 * {@code _run_once}: it waits in {@code select} until the next timer is due (not at all if callbacks
 * are ready, and for as long as needed if nothing is scheduled, so an idle loop uses no CPU), moves
 * the expired timers to the ready queue, and runs the callbacks that were ready when the turn began;
 * callbacks they schedule run on the next turn, after the loop has checked for I/O again.
 *
 * <h2>Threads</h2>
 * A loop belongs to one thread: the one that runs it, or before it first runs the one that created
 * it. Its methods, and those of its tasks and futures, check that they are called on that thread
 * and throw {@link IllegalStateException} otherwise. Other threads use {@link #callSoonThreadsafe},
 * {@link #execute} or {@link #runCoroutineThreadsafe}, which queue the work and wake the selector
 * (only if no wake-up is pending already, since each costs a system call). The check is always on:
 * it is one comparison of the current thread with the owner (CONTRIBUTING.md has the measurement).
 * An interrupt of the loop thread does not stop the loop; the loop clears the flag so that its
 * {@code select} can block again, and sets it again when it stops running.
 *
 * <h2>I/O</h2>
 * {@link #addReader} and {@link #addWriter} run a callback whenever a non-blocking channel is
 * ready; {@code dev.jasyncio.io.Sockets} builds awaitable socket operations on them. Blocking or
 * CPU-bound code goes to another thread with {@link #runInExecutor}.
 *
 * <h2>Exceptions</h2>
 * An exception thrown by a callback, or by a task that nobody asked for its result, has no caller to
 * go to: the loop reports it to its {@link ExceptionHandler} (by default logged through the
 * {@code System.Logger} named {@value #LOGGER_NAME}) and goes on.
 *
 * <h2>Debug mode</h2>
 * {@link #setDebug(boolean)}, or {@code -Djasyncio.debug=true} for every loop, logs each step of a
 * task that holds the loop longer than {@link #setSlowCallbackDuration} (100 ms unless set), with
 * the task's name and the blueprint line it stopped at, and reports every coroutine that is
 * garbage-collected without ever being awaited, with the place where it was created. Recording
 * creation places costs a stack walk per coroutine, so only coroutines created on a loop in debug
 * mode are recorded.
 */
public final class EventLoop implements Executor, AutoCloseable {

    /** The name of the {@code System.Logger} the loop's default reports and debug mode write to. */
    public static final String LOGGER_NAME = "dev.jasyncio";

    private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);

    /** {@code -Djasyncio.debug=true} puts every loop in debug mode. */
    private static final boolean DEBUG_BY_DEFAULT = Boolean.getBoolean("jasyncio.debug");

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final Selector selector;

    /** Callbacks to run, in order: {@link Handle}s, and bare Runnables from {@link #execute}. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();

    /** Callbacks handed over by other threads, moved to {@link #ready} at each turn. */
    private final Queue<Object> fromOtherThreads = new ConcurrentLinkedQueue<>();

    /** True while a selector wake-up is on its way, so other threads need not send another. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    private final IoWatchers io;
    private final BlockingCalls blockingCalls = new BlockingCalls(this);
    private final TaskRegistry tasks = new TaskRegistry(this, new Scheduling());
    private final TimerQueue timers = new TimerQueue(tasks);
    private volatile Thread owner = Thread.currentThread();
    private volatile boolean running;
    private volatile boolean closed;
    private boolean stopping;

    /** Set when an interrupt woke the selector while the loop ran; restored when it stops running. */
    private boolean interrupted;
    private ExceptionHandler exceptionHandler;
    private boolean debug = DEBUG_BY_DEFAULT;
    private Duration slowCallbackDuration = Duration.ofMillis(100);

    /**
     * A new loop, owned by the current thread until some thread runs it.
     *
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public EventLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
        io = new IoWatchers(selector, ready);
    }

    /**
     * Runs {@code main} on a new loop on this thread and returns its result: asyncio's
     * {@code asyncio.run}. Once {@code main} is done, every task it left behind is cancelled and given
     * the chance to finish (their {@code finally} blocks run), the calls still running on the default
     * executor are waited for, then the loop is closed.
     *
     * <p>Whatever {@code main} throws is rethrown as is, checked exceptions included.
     *
     * @return the result of {@code main}
     * @throws IllegalStateException if an event loop is running on this thread already
     */
    public static <T> T run(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        if (RUNNING.get() != null) {
            throw new IllegalStateException("EventLoop.run cannot be called while an event loop is running on"
                    + " this thread; await the coroutine or create a task for it instead");
        }
        EventLoop loop = new EventLoop();
        try {
            return loop.runUntilComplete(main);
        } finally {
            try {
                loop.cancelLeftoverTasks();
            } finally {
                loop.blockingCalls.shutdownAndWait();
                loop.close();
            }
        }
    }

    /**
     * The loop running on this thread.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException("no event loop is running on thread '"
                    + Thread.currentThread().getName() + "'; start one with EventLoop.run(...)");
        }
        return loop;
    }

    /** Schedules {@code callback} to run on the loop's next turn, after those scheduled before it. */
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("EventLoop.callSoon");
        checkOpen();
        Handle handle = new Handle(this, callback);
        ready.addLast(handle);
        return handle;
    }

    /** Schedules {@code callback} to run once {@code delay} has passed on the loop's clock. */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(plusSaturated(time(), delay), callback);
    }

    /**
     * Schedules {@code callback} to run at {@code deadline} on the loop's clock ({@link #time()}).
     * Timers with the same deadline run in the order they were scheduled.
     */
    public TimerHandle callAt(long deadline, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("EventLoop.callAt");
        checkOpen();
        TimerHandle timer = new TimerHandle(this, deadline, callback);
        timers.add(timer);
        return timer;
    }

    /** The loop's clock: monotonic nanoseconds ({@link System#nanoTime()}). */
    public long time() {
        return System.nanoTime();
    }

    /**
     * Schedules {@code callback} from any thread; it runs on the loop's next turn. The only way,
     * besides {@link #execute}, for another thread to get work onto the loop.
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkOpen();
        Handle handle = new Handle(this, callback);
        enqueueFromAnyThread(handle);
        return handle;
    }

    /**
     * Runs {@code command} on the loop's next turn; may be called from any thread. On the loop
     * thread it allocates nothing: tasks use it to reschedule themselves.
     *
     * @throws RejectedExecutionException if the loop is closed
     */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        if (closed) {
            throw new RejectedExecutionException("the event loop is closed");
        }
        if (inLoopThread()) {
            ready.addLast(command);
        } else {
            enqueueFromAnyThread(command);
        }
    }

    /**
     * Wraps {@code coroutine} in a task scheduled on this loop: asyncio's {@code create_task}.
     *
     * @throws IllegalStateException if the coroutine was awaited or wrapped in a task before
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkThread("EventLoop.createTask");
        checkOpen();
        return tasks.createTask(coroutine);
    }

    /**
     * Runs {@code coroutine} as a task on this loop from any thread, asyncio's
     * {@code run_coroutine_threadsafe}: the task is created on the loop's next turn, and the returned
     * future completes with its outcome. Cancelling the returned future cancels the task.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        CompletableFuture<T> result = new CompletableFuture<>();
        callSoonThreadsafe(() -> {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<T> outcome;
            try {
                outcome = createTask(coroutine).toCompletableFuture();
            } catch (RuntimeException refused) {
                // a coroutine started before, or a loop closing: the caller waits on the future, tell it there
                result.completeExceptionally(refused);
                return;
            }
            outcome.whenComplete((value, error) -> {
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(error);
                }
            });
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    outcome.cancel(false);
                }
            });
        });
        return result;
    }

    /**
     * Runs {@code call} on {@code executor} and gives its outcome on the loop: asyncio's
     * {@code run_in_executor}, for blocking or CPU-bound code that must not hold up the loop thread.
     * A null executor means the loop's default one: a pool of daemon threads, created on first use,
     * shut down when the loop closes. Cancelling the future before the call starts keeps it from
     * running; a call already running finishes and its outcome is dropped.
     *
     * @throws RejectedExecutionException if the executor refuses the call
     */
    public <T> AsyncFuture<T> runInExecutor(Executor executor, Callable<T> call) {
        Objects.requireNonNull(call, "call");
        checkThread("EventLoop.runInExecutor");
        checkOpen();
        return blockingCalls.submit(executor, call);
    }

    /**
     * Runs {@code callback} each time {@code channel} is ready for reading (or, for a listening
     * channel, for accepting), until {@link #removeReader} or another {@code addReader} for the same
     * channel: asyncio's {@code add_reader}. The channel must be non-blocking.
     *
     * @throws ClosedChannelException if the channel is closed
     * @throws IllegalArgumentException if the channel is in blocking mode
     */
    public Handle addReader(SelectableChannel channel, Runnable callback) throws ClosedChannelException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callback, "callback");
        checkThread("EventLoop.addReader");
        checkOpen();
        Handle handle = new Handle(this, callback);
        io.addReader(channel, handle);
        return handle;
    }

    /**
     * Stops watching {@code channel} for reading.
     *
     * @return false if it had no reader
     */
    public boolean removeReader(SelectableChannel channel) {
        checkThread("EventLoop.removeReader");
        return io.removeReader(channel);
    }

    /**
     * Runs {@code callback} each time {@code channel} is ready for writing (or, for a socket whose
     * connection is pending, when it completes), until {@link #removeWriter}: asyncio's
     * {@code add_writer}. The channel must be non-blocking.
     *
     * @throws ClosedChannelException if the channel is closed
     * @throws IllegalArgumentException if the channel is in blocking mode
     */
    public Handle addWriter(SelectableChannel channel, Runnable callback) throws ClosedChannelException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(callback, "callback");
        checkThread("EventLoop.addWriter");
        checkOpen();
        Handle handle = new Handle(this, callback);
        io.addWriter(channel, handle);
        return handle;
    }

    /**
     * Stops watching {@code channel} for writing.
     *
     * @return false if it had no writer
     */
    public boolean removeWriter(SelectableChannel channel) {
        checkThread("EventLoop.removeWriter");
        return io.removeWriter(channel);
    }

    /** The task whose step is running now, or null outside of any task. */
    public Task<?> currentTask() {
        checkThread("EventLoop.currentTask");
        return tasks.currentTask();
    }

    /** The tasks of this loop that are not done yet, in creation order. */
    public List<Task<?>> allTasks() {
        checkThread("EventLoop.allTasks");
        return tasks.pendingTasks();
    }

    /**
     * Runs the loop until {@code awaitable} is done and returns its result (a coroutine is wrapped
     * in a task first), or throws its exception as is.
     *
     * @throws IllegalStateException if the loop is running or closed, another loop runs on this
     *     thread, or the loop was stopped before the awaitable was done
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        claimThread();
        AsyncFuture<T> future = AsyncFuture.ensureFuture(awaitable, this);
        Consumer<AsyncFuture<T>> stopWhenDone = done -> stop();
        future.addDoneCallback(stopWhenDone);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("the event loop stopped before " + future + " was done");
        }
        return future.result();
    }

    /**
     * Runs the loop on this thread until {@link #stop()} is called.
     *
     * @throws IllegalStateException if the loop is running or closed, or another loop runs on
     *     this thread
     */
    public void runForever() {
        claimThread();
        running = true;
        RUNNING.set(this);
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
            running = false;
            RUNNING.remove();
            if (interrupted) {
                interrupted = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes {@link #runForever()} return after the current turn; called before the loop runs, the
     * next run does one turn. From another thread, use {@code callSoonThreadsafe(loop::stop)}.
     */
    public void stop() {
        checkThread("EventLoop.stop");
        stopping = true;
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: reports tasks that failed without anyone retrieving their exception and
     * tasks still pending, discards the callbacks not run yet, shuts the default executor down
     * (calls running there finish, their outcomes are dropped), and releases the selector. Does
     * nothing if the loop is closed already. Like {@link #runForever()}, it may be called from any
     * thread while the loop is not running: a loop that ran on a thread that has ended can still
     * be closed.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (running) {
            throw new IllegalStateException("cannot close a running event loop; stop it first");
        }
        owner = Thread.currentThread();
        tasks.reportAbandoned();
        closed = true;
        ready.clear();
        fromOtherThreads.clear();
        timers.clear();
        blockingCalls.shutdown();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event loop's selector", e);
        }
    }

    /** True if the calling thread is the one this loop belongs to. */
    public boolean inLoopThread() {
        return Thread.currentThread() == owner;
    }

    /**
     * Throws unless called on the loop's thread: the guard at the top of every loop-affine method.
     *
     * @param operation the method being called, for the message
     * @throws IllegalStateException if called from another thread
     */
    public void checkThread(String operation) {
        Thread current = Thread.currentThread();
        Thread loopThread = owner;
        if (current != loopThread) {
            throw new IllegalStateException(operation + " was called on thread '" + current.getName()
                    + "', but the event loop belongs to thread '" + loopThread.getName()
                    + "'; other threads must hand work to the loop with callSoonThreadsafe");
        }
    }

    /** Sets who receives the exceptions nobody else can; null restores the default handler. */
    public void setExceptionHandler(ExceptionHandler handler) {
        checkThread("EventLoop.setExceptionHandler");
        exceptionHandler = handler;
    }

    /** The handler set with {@link #setExceptionHandler}, or null when the default one is used. */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Reports {@code context} to the exception handler. If the handler itself throws, both the
     * original report and the handler's exception go to {@link #defaultExceptionHandler}.
     */
    public void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            defaultExceptionHandler(context);
            return;
        }
        try {
            handler.handle(this, context);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            defaultExceptionHandler(context);
            defaultExceptionHandler(new ExceptionContext("Unhandled error in exception handler", failure, handler));
        }
    }

    /**
     * Logs the report (message, source and stack trace) at level {@code ERROR} through the
     * {@code System.Logger} named {@value #LOGGER_NAME}.
     */
    public void defaultExceptionHandler(ExceptionContext context) {
        String text = context.source() == null ? context.message() : context.message() + "\n  in: " + context.source();
        LOGGER.log(System.Logger.Level.ERROR, text, context.exception());
    }

    /**
     * Turns debug mode on or off for this loop (see the class comment): from now on, coroutines
     * created on this loop's thread while it is in debug mode record where they were created.
     */
    public void setDebug(boolean enabled) {
        checkThread("EventLoop.setDebug");
        debug = enabled;
        if (enabled) {
            tasks.watchCoroutinesFromNowOn();
        }
    }

    /** Whether this loop is in debug mode: set with {@link #setDebug} or {@code -Djasyncio.debug=true}. */
    public boolean isDebug() {
        return debug;
    }

    /** In debug mode, a task step that takes longer than {@code duration} is logged (asyncio's {@code slow_callback_duration}). */
    public void setSlowCallbackDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        checkThread("EventLoop.setSlowCallbackDuration");
        slowCallbackDuration = duration;
    }

    public Duration getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    @Override
    public String toString() {
        return "EventLoop[" + (closed ? "closed" : running ? "running" : "idle") + ", thread="
                + owner.getName() + "]";
    }

    /** One turn of the loop, as CPython's {@code _run_once}. */
    private void runOnce() {
        timers.purge();
        select();
        if (wakeupPending.get()) {
            wakeupPending.set(false);
        }
        for (Object callback; (callback = fromOtherThreads.poll()) != null; ) {
            ready.addLast(callback);
        }
        if (!timers.isEmpty()) {
            timers.moveExpired(time(), ready);
        }
        for (int todo = ready.size(); todo > 0; todo--) {
            runCallback(ready.pollFirst());
        }
    }

    /**
     * Waits for I/O or a wake-up until the next timer is due, and queues the callbacks of the
     * channels that are ready; does not wait if work is ready.
     */
    private void select() {
        try {
            if (!ready.isEmpty() || stopping || !fromOtherThreads.isEmpty()) {
                // With no channel registered there is nothing to poll: a turn that must not wait skips
                // the system call, which would otherwise dominate the cost of a turn of pure computation.
                if (!io.mayWatchChannels()) {
                    return;
                }
                selector.selectNow(io);
            } else if (timers.isEmpty()) {
                selector.select(io);
            } else {
                long wait = timers.earliestDeadline() - time();
                if (wait <= 0) {
                    selector.selectNow(io);
                } else {
                    // select takes milliseconds: round up, or a timer due in 0.4 ms would spin.
                    selector.select(io, wait / 1_000_000 + (wait % 1_000_000 == 0 ? 0 : 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
        // An interrupted thread's select returns at once for as long as the flag is set: left set,
        // it would make the loop spin. The loop does not stop for an interrupt (another thread stops
        // it with callSoonThreadsafe(loop::stop)); it keeps the flag and restores it when it stops.
        if (Thread.interrupted()) {
            interrupted = true;
        }
    }

    private void runCallback(Object callback) {
        try {
            if (callback instanceof Task<?> task) {
                tasks.runStep(task);
            } else if (callback instanceof Handle handle) {
                handle.run();
            } else {
                ((Runnable) callback).run();
            }
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            callExceptionHandler(new ExceptionContext("Exception in callback " + callback, thrown, callback));
        }
    }

    private void enqueueFromAnyThread(Object callback) {
        fromOtherThreads.add(callback);
        if (!inLoopThread() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Makes the calling thread the loop's thread, after checking the loop may run on it. */
    private void claimThread() {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
        if (running) {
            throw new IllegalStateException("the event loop is running already; stop it first");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("cannot run an event loop while another one is running on this thread");
        }
        owner = Thread.currentThread();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
    }

    /**
     * Cancels the tasks still pending after {@link #run}'s main coroutine, lets them run their
     * cancellation to the end, and reports those that failed doing so: what asyncio.run does.
     */
    private void cancelLeftoverTasks() {
        List<Task<?>> leftovers = tasks.pendingTasks();
        if (leftovers.isEmpty()) {
            return;
        }
        for (Task<?> task : leftovers) {
            task.cancel();
        }
        runUntilComplete(Gather.allOutcomes(this, leftovers));
        for (Task<?> task : leftovers) {
            if (!task.isCancelled() && task.exception() != null) {
                callExceptionHandler(new ExceptionContext(
                        "unhandled exception during EventLoop.run() shutdown", task.exception(), task));
            }
        }
    }

    private static long plusSaturated(long time, Duration delay) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long sum = time + nanos;
        if (((time ^ sum) & (nanos ^ sum)) < 0) {
            return nanos > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /** Where the loop keeps its tasks' steps and sleeps: in its own ready queue and timer heap, as they are. */
    private final class Scheduling implements TaskScheduling {

        @Override
        public void scheduleStep(Task<?> task) {
            if (closed) {
                throw new RejectedExecutionException("the event loop is closed");
            }
            if (inLoopThread()) {
                ready.addLast(task);
            } else {
                enqueueFromAnyThread(task);
            }
        }

        @Override
        public void sleepUntil(Task<?> task, long deadline) {
            timers.add(task, deadline);
        }

        @Override
        public long wakeTime(Task<?> task) {
            return timers.deadlineOf(task);
        }

        @Override
        public void wakeEarly(Task<?> task) {
            timers.remove(task);
        }
    }
}
