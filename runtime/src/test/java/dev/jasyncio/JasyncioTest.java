package dev.jasyncio;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.done;
import static dev.jasyncio.Jasyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;
import dev.jasyncio.tasks.Coroutine;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code await} in a blueprint that runs untransformed, called directly instead of through its companion. */
class JasyncioTest {

    private final EventLoop loop = new EventLoop();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A blueprint called directly: its await runs as plain Java. */
    static <T> Coroutine<T> fetch(Awaitable<T> awaitable) {
        return done(await(awaitable));
    }

    static <T> T fetchStage(CompletionStage<T> stage) {
        return await(stage);
    }

    static final class Inner {
        static <T> T load(Awaitable<T> awaitable) {
            return await(awaitable);
        }
    }

    @Test
    void awaitReturnsTheValueOfADoneFuture() {
        AsyncFuture<String> future = new AsyncFuture<>(loop);
        future.setResult("ready");
        assertEquals("ready", await(fetch(future)));
    }

    @Test
    void awaitThrowsTheExceptionOfAFailedFutureAsIs() {
        IOException failure = new IOException("checked");
        AsyncFuture<String> future = new AsyncFuture<>(loop);
        future.setException(failure);
        try {
            fetch(future);
            fail("await returned normally");
        } catch (Exception thrown) {
            assertSame(failure, thrown);
        }
    }

    @Test
    void awaitOfDoneReturnsItsValue() {
        assertEquals(42, await(done(42)));
    }

    @Test
    void awaitReturnsTheValueOfACompletedStageAndThrowsTheCauseOfAFailedOne() {
        assertEquals("cf", fetchStage(CompletableFuture.completedFuture("cf")));
        IllegalArgumentException failure = new IllegalArgumentException("cf failed");
        assertSame(failure, assertThrows(IllegalArgumentException.class,
                () -> fetchStage(CompletableFuture.failedFuture(failure))));
    }

    @Test
    void awaitOfSomethingPendingNamesTheCompanionMethodToCall() {
        AsyncFuture<String> pending = new AsyncFuture<>(loop);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> fetch(pending));
        String message = thrown.getMessage();
        assertTrue(message.contains("only works inside an @Async method compiled by the jasyncio processor"), message);
        assertTrue(message.contains("call JasyncioTestAsync.fetch(...) instead of JasyncioTest.fetch(...)"), message);
    }

    @Test
    void theCompanionOfANestedClassJoinsTheNamesWithAnUnderscore() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Inner.load(sleep(0)));
        assertTrue(thrown.getMessage().contains("call JasyncioTest_InnerAsync.load(...) instead of JasyncioTest.Inner.load(...)"),
                thrown.getMessage());
    }

    @Test
    void awaitOfAPendingStageNamesTheCompanionToo() {
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> fetchStage(new CompletableFuture<String>()));
        assertTrue(thrown.getMessage().contains("JasyncioTestAsync.fetchStage(...)"), thrown.getMessage());
    }

    @Test
    void aCoroutineThatIsNotDoneCannotBeAwaitedUntransformed() {
        Coroutine<String> machine = new Coroutine<>() {
            @Override
            protected Object step() {
                return "never run";
            }
        };
        assertThrows(IllegalStateException.class, () -> fetch(machine));
    }
}
