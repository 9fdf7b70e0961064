package dev.jasyncio.loop;

import dev.jasyncio.tasks.AsyncFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls on other threads for a loop and brings their outcomes back to it: the machinery of
 * {@link EventLoop#runInExecutor}, and the owner of the loop's default executor.
 *
 * <p>The default executor is sized like asyncio's ({@code min(32, cores + 4)} threads), made of daemon
 * threads so that a forgotten blocking call cannot keep the JVM alive, and created on first use so
 * that loops which never block pay nothing for it.
 */
final class BlockingCalls {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final EventLoop loop;
    private ExecutorService defaultExecutor;

    BlockingCalls(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code call} on {@code executor} (the default one if null); the future completes on the loop. */
    <T> AsyncFuture<T> submit(Executor executor, Callable<T> call) {
        AsyncFuture<T> future = new AsyncFuture<>(loop);
        Executor target = executor != null ? executor : defaultExecutor();
        target.execute(() -> runAndReport(call, future));
        return future;
    }

    /** Stops the default executor from taking new calls; those running finish on their own. */
    void shutdown() {
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
        }
    }

    /**
     * Shuts the default executor down and waits for the calls still running there, as
     * {@code asyncio.run} does before it closes the loop. An interrupt ends the wait and is kept.
     */
    void shutdownAndWait() {
        if (defaultExecutor == null) {
            return;
        }
        defaultExecutor.shutdown();
        try {
            defaultExecutor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExecutorService defaultExecutor() {
        if (defaultExecutor == null) {
            int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads("jasyncio-executor-" + POOLS.incrementAndGet()));
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = pool;
        }
        return defaultExecutor;
    }

    /** Runs on the executor's thread: the call, unless cancelled meanwhile, then its outcome to the loop. */
    private <T> void runAndReport(Callable<T> call, AsyncFuture<T> future) {
        if (future.isDone()) {
            return;
        }
        Runnable report;
        try {
            T value = call.call();
            report = () -> {
                if (!future.isDone()) {
                    future.setResult(value);
                }
            };
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            report = () -> {
                if (!future.isDone()) {
                    future.setException(thrown);
                }
            };
        }
        try {
            loop.callSoonThreadsafe(report);
        } catch (IllegalStateException | RejectedExecutionException closed) {
            // The loop closed while the call ran: nobody can await the outcome any more.
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-thread-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
