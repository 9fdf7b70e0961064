package dev.jasyncio;

import dev.jasyncio.combinators.AsCompleted;
import dev.jasyncio.combinators.DoneAndPending;
import dev.jasyncio.combinators.ReturnWhen;
import dev.jasyncio.combinators.Shield;
import dev.jasyncio.combinators.Wait;
import dev.jasyncio.combinators.WaitFor;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.structured.TaskGroup;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Gather;
import dev.jasyncio.tasks.Outcome;
import dev.jasyncio.tasks.Sleep;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.tasks.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The functions {@code @Async} code is written with, meant for
 * {@code import static dev.jasyncio.Jasyncio.*;}: {@code await}, {@code done}, {@code sleep},
 * {@code createTask}, {@code gather} and friends, named after their asyncio counterparts.
 */
public final class Jasyncio {

    /** {@link #waitUntil} returns as soon as any future is done. */
    public static final ReturnWhen FIRST_COMPLETED = ReturnWhen.FIRST_COMPLETED;

    /** {@link #waitUntil} returns as soon as any future fails, or when all are done. */
    public static final ReturnWhen FIRST_EXCEPTION = ReturnWhen.FIRST_EXCEPTION;

    /** {@link #waitUntil} returns when every future is done. */
    public static final ReturnWhen ALL_COMPLETED = ReturnWhen.ALL_COMPLETED;

    private static final StackWalker STACK = StackWalker.getInstance();

    private Jasyncio() {}

    /**
     * Waits for {@code awaitable} and returns its value, or throws its exception as is.
     *
     * <p>Inside an {@code @Async} method the processor rewrites this call into a suspension point,
     * so this method only runs when a blueprint runs as plain Java (called directly rather than
     * through its generated companion). It then returns the value of what is complete already (a
     * done future or task, or {@code done(v)}) and otherwise throws.
     *
     * @throws IllegalStateException if {@code awaitable} is not complete; the message names the
     *     companion method to call instead
     */
    public static <T> T await(Awaitable<T> awaitable) {
        if (awaitable instanceof AsyncFuture<T> future && future.isDone()) {
            return future.result();
        }
        if (awaitable instanceof CompletedCoroutine<T> completed) {
            return completed.value();
        }
        throw notTransformed();
    }

    /**
     * {@link #await(Awaitable)} that declares the checked exception the operation may fail with, so
     * that a blueprint can catch it around the await: javac lets a {@code catch (IOException e)}
     * stand only where something in the try block declares it. Awaiting another blueprint needs no
     * such help, since the blueprint's own {@code throws} clause declares what it throws. Pass a
     * class literal; it only informs javac.
     *
     * <pre>{@code
     * try {
     *     String page = await(download, IOException.class);   // download: a Task<String>
     * } catch (IOException e) { ... }
     * }</pre>
     *
     * @param <X> the checked exception the awaited operation may fail with
     */
    public static <T, X extends Exception> T await(Awaitable<T> awaitable, Class<X> failsWith) throws X {
        return await(awaitable);
    }

    /** {@link #await(CompletionStage)} that declares a checked exception, as {@link #await(Awaitable, Class)} does. */
    public static <T, X extends Exception> T await(CompletionStage<T> stage, Class<X> failsWith) throws X {
        return await(stage);
    }

    /**
     * Waits for {@code stage} and returns its value, or throws its exception as is (unwrapped from
     * {@code CompletionException}). As with {@link #await(Awaitable)}, only a stage that is complete
     * already can be awaited in a blueprint that runs as plain Java.
     *
     * @throws IllegalStateException if {@code stage} is not complete; the message names the
     *     companion method to call instead
     */
    public static <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> completable;
        try {
            completable = stage.toCompletableFuture();
        } catch (UnsupportedOperationException notSupported) {
            throw notTransformed();
        }
        if (!completable.isDone()) {
            throw notTransformed();
        }
        return Outcome.of(completable).value();
    }

    /** A coroutine that finishes with {@code value} at once: how a blueprint returns, {@code return done(x);}. */
    public static <T> Coroutine<T> done(T value) {
        return new CompletedCoroutine<>(value);
    }

    /**
     * Waits {@code millis} milliseconds on the loop's clock; {@code sleep(0)} gives the loop one turn,
     * letting ready callbacks and tasks run first.
     */
    public static Awaitable<Void> sleep(long millis) {
        return Sleep.of(Duration.ofMillis(millis), null);
    }

    /** Waits for {@code delay} on the loop's clock; zero gives the loop one turn. */
    public static Awaitable<Void> sleep(Duration delay) {
        return Sleep.of(delay, null);
    }

    /** Waits for {@code delay} on the loop's clock, then gives {@code result}. */
    public static <T> Awaitable<T> sleep(Duration delay, T result) {
        return Sleep.of(delay, result);
    }

    /**
     * Runs {@code coroutine} concurrently as a task on the running loop; it starts on the loop's next
     * turn, whether or not anyone awaits the task.
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return EventLoop.getRunningLoop().createTask(coroutine);
    }

    /** {@link #createTask(Coroutine)}, naming the task {@code name} (see {@link Task#getName()}). */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Task<T> task = createTask(coroutine);
        task.setName(name);
        return task;
    }

    /** The task running now, or null when called outside of any task (asyncio's {@code current_task}). */
    public static Task<?> currentTask() {
        return EventLoop.getRunningLoop().currentTask();
    }

    /** The running loop's tasks that are not done yet, in creation order (asyncio's {@code all_tasks}). */
    public static List<Task<?>> allTasks() {
        return EventLoop.getRunningLoop().allTasks();
    }

    /**
     * Opens a timeout scope in the running task that expires after {@code delay}, for a
     * try-with-resources: an await inside it that is still waiting then throws
     * {@link dev.jasyncio.tasks.DeadlineExceededException} (see {@link Timeout}).
     */
    public static Timeout timeout(Duration delay) {
        return Timeout.after(delay);
    }

    /**
     * {@link #timeout(Duration)} with a deadline on the loop's clock ({@link EventLoop#time()}), or
     * {@link Timeout#NEVER}.
     */
    public static Timeout timeoutAt(long deadline) {
        return Timeout.at(deadline);
    }

    /**
     * Runs {@code awaitables} concurrently and gives their values in argument order. The first one
     * to fail fails the gather at once; the others keep running. Cancelling the gather cancels them.
     */
    @SafeVarargs // the array is only read, element by element, never stored or handed on
    public static <T> AsyncFuture<List<T>> gather(Awaitable<? extends T>... awaitables) {
        List<Awaitable<? extends T>> list = new ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> awaitable : awaitables) {
            list.add(awaitable);
        }
        return gather(list);
    }

    /** {@link #gather(Awaitable[])} for a collection. */
    public static <T> AsyncFuture<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return Gather.all(EventLoop.getRunningLoop(), awaitables);
    }

    /**
     * Runs {@code awaitables} concurrently and gives the {@link Outcome} of each in argument order:
     * failures, cancellations included, are collected instead of failing the gather.
     */
    @SafeVarargs // the array is only read, element by element, never stored or handed on
    public static <T> AsyncFuture<List<Outcome<T>>> gatherReturnExceptions(Awaitable<? extends T>... awaitables) {
        List<Awaitable<? extends T>> list = new ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> awaitable : awaitables) {
            list.add(awaitable);
        }
        return gatherReturnExceptions(list);
    }

    /** {@link #gatherReturnExceptions(Awaitable[])} for a collection. */
    public static <T> AsyncFuture<List<Outcome<T>>> gatherReturnExceptions(
            Collection<? extends Awaitable<? extends T>> awaitables) {
        return Gather.allOutcomes(EventLoop.getRunningLoop(), awaitables);
    }

    /**
     * Awaits {@code awaitable} for at most {@code timeout}: when it passes, the operation is
     * cancelled, and once it has finished cancelling the await throws
     * {@link dev.jasyncio.tasks.DeadlineExceededException}. asyncio's {@code wait_for}.
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, Duration timeout) {
        return new WaitFor<>(awaitable, timeout);
    }

    /**
     * Waits until {@code futures} reach {@code returnWhen} and gives them split into done and
     * pending; asyncio's {@code wait}. Named {@code waitUntil} because every Java class has a
     * {@code wait} method that would hide a statically imported one. Nothing is cancelled.
     *
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <F extends AsyncFuture<?>> AsyncFuture<DoneAndPending<F>> waitUntil(
            Iterable<F> futures, ReturnWhen returnWhen) {
        return Wait.start(futures, returnWhen, null);
    }

    /**
     * {@link #waitUntil(Iterable, ReturnWhen)} that gives up waiting after {@code timeout}: it
     * then gives the futures as they are, never throws for the timeout, and cancels nothing.
     */
    public static <F extends AsyncFuture<?>> AsyncFuture<DoneAndPending<F>> waitUntil(
            Iterable<F> futures, ReturnWhen returnWhen, Duration timeout) {
        return Wait.start(futures, returnWhen, timeout);
    }

    /**
     * Runs {@code awaitables} concurrently and gives one future per awaitable in completion order,
     * to await one after the other in a loop: asyncio's {@code as_completed}.
     */
    public static <T> List<AsyncFuture<T>> asCompleted(Iterable<? extends Awaitable<? extends T>> awaitables) {
        return AsCompleted.start(awaitables, null);
    }

    /**
     * {@link #asCompleted(Iterable)} where the futures still pending after {@code timeout} fail with
     * {@link dev.jasyncio.tasks.DeadlineExceededException}; the operations go on.
     */
    public static <T> List<AsyncFuture<T>> asCompleted(
            Iterable<? extends Awaitable<? extends T>> awaitables, Duration timeout) {
        return AsCompleted.start(awaitables, timeout);
    }

    /**
     * Protects {@code awaitable} from cancellation: cancelling the returned future (or the task
     * awaiting it) does not cancel the operation. asyncio's {@code shield}.
     */
    public static <T> AsyncFuture<T> shield(Awaitable<T> awaitable) {
        return Shield.of(awaitable);
    }

    /**
     * Runs {@code body} with a new {@link TaskGroup} and waits for every task it created there:
     * asyncio's {@code async with TaskGroup() as group}. The first failure cancels the other tasks
     * and the body, and all failures come out together as an
     * {@link dev.jasyncio.structured.ExceptionGroup}; a cancellation from outside comes out as a
     * {@link dev.jasyncio.tasks.CancelledException}.
     */
    public static <T> Coroutine<T> taskGroup(Function<? super TaskGroup, ? extends Coroutine<T>> body) {
        return TaskGroup.run(body);
    }

    /**
     * Runs blocking or CPU-bound {@code call} on the running loop's default executor and gives its
     * result (or rethrows its exception) on the loop: asyncio's {@code to_thread}. The loop goes on
     * running other tasks meanwhile.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T> AsyncFuture<T> toThread(Callable<T> call) {
        return EventLoop.getRunningLoop().runInExecutor(null, call);
    }

    /**
     * The loop running on this thread.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static EventLoop getRunningLoop() {
        return EventLoop.getRunningLoop();
    }

    /**
     * The error for an await that cannot complete because its blueprint runs as plain Java: it names
     * the blueprint (the first caller outside this class) and the companion method to call instead.
     */
    private static IllegalStateException notTransformed() {
        Optional<StackWalker.StackFrame> blueprint = STACK.walk(frames -> frames
                .filter(frame -> !frame.getClassName().equals(Jasyncio.class.getName()))
                .findFirst());
        String advice = blueprint.map(Jasyncio::companionAdvice).orElse("");
        return new IllegalStateException("await(...) only works inside an @Async method compiled by the jasyncio"
                + " processor, and what it awaits is not complete yet" + advice);
    }

    /** ": call FetcherAsync.fetch(...) instead of Fetcher.fetch(...)" for a frame in Fetcher.fetch. */
    private static String companionAdvice(StackWalker.StackFrame frame) {
        String binaryName = frame.getClassName();
        String simpleBinaryName = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        String companion = simpleBinaryName.replace('$', '_') + "Async";
        String blueprint = simpleBinaryName.replace('$', '.');
        String method = frame.getMethodName();
        return ": call " + companion + "." + method + "(...) instead of " + blueprint + "." + method
                + "(...) (is the jasyncio processor on the annotation processor path?)";
    }
}
