package dev.jasyncio.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.runForLog;
import static dev.jasyncio.processor.BlueprintHarness.source;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Awaiting futures rather than coroutines: a future that is done already gives its value without
 * suspending, and a future completed by another thread resumes the machine on the loop thread.
 *
 * <p>Whether an await suspended is observed through the loop: a callback scheduled with
 * {@code callSoon} runs only when the coroutine suspends.
 */
class AwaitedFuturesTest {

    @Test
    void awaitingADoneAsyncFutureDoesNotSuspend() {
        assertThat(runForLog("DoneFuture", source("DoneFuture", """
                class DoneFuture {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        AsyncFuture<String> ready = new AsyncFuture<>();
                        ready.setResult("value");
                        getRunningLoop().callSoon(() -> log.add("callback"));
                        log.add("awaited " + await(ready));
                        await(later(0));
                        log.add("after a real suspension");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(DoneFutureAsync.main());
                    }
                }
                """))).containsExactly("awaited value", "callback", "after a real suspension").inOrder();
    }

    @Test
    void awaitingACompletedCompletableFutureDoesNotSuspend() {
        assertThat(runForLog("DoneStage", source("DoneStage", """
                class DoneStage {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        getRunningLoop().callSoon(() -> log.add("callback"));
                        log.add("awaited " + await(CompletableFuture.completedFuture(7)));
                        await(later(0));
                        log.add("after a real suspension");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(DoneStageAsync.main());
                    }
                }
                """))).containsExactly("awaited 7", "callback", "after a real suspension").inOrder();
    }

    @Test
    void awaitingAPendingAsyncFutureSuspendsUntilItIsCompleted() {
        assertThat(runForLog("PendingFuture", source("PendingFuture", """
                class PendingFuture {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        AsyncFuture<String> pending = new AsyncFuture<>();
                        getRunningLoop().callSoon(() -> {
                            log.add("callback completes it");
                            pending.setResult("value");
                        });
                        log.add("awaited " + await(pending));
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(PendingFutureAsync.main());
                    }
                }
                """))).containsExactly("callback completes it", "awaited value").inOrder();
    }

    /**
     * The other thread is started by a callback, which runs only once the coroutine is suspended on
     * the future, so the future is certainly completed while the machine waits for it.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
    void awaitingACompletableFutureCompletedByAnotherThreadResumesOnTheLoopThread() {
        assertThat(runForLog("OtherThread", source("OtherThread", """
                class OtherThread {
                    @Async
                    static Coroutine<List<String>> main() {
                        List<String> log = new ArrayList<>();
                        Thread loopThread = Thread.currentThread();
                        CompletableFuture<String> result = new CompletableFuture<>();
                        getRunningLoop().callSoon(() -> {
                            log.add("callback");
                            Thread worker = new Thread(() -> result.complete("from " + Thread.currentThread().getName()),
                                    "worker");
                            worker.start();
                        });
                        String value = await(result);
                        log.add(value);
                        log.add(Thread.currentThread() == loopThread ? "resumed on the loop thread" : "resumed elsewhere");
                        return done(log);
                    }

                    static Object run() {
                        return EventLoop.run(OtherThreadAsync.main());
                    }
                }
                """))).containsExactly("callback", "from worker", "resumed on the loop thread").inOrder();
    }
}
