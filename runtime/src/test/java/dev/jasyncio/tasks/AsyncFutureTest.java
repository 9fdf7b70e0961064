package dev.jasyncio.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.testing.Turns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncFutureTest {

    private final EventLoop loop = new EventLoop();
    private final AsyncFuture<String> future = new AsyncFuture<>(loop);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void aPendingFutureHasNoResultYet() {
        assertFalse(future.isDone());
        assertFalse(future.isCancelled());
        assertThrows(InvalidStateException.class, future::result);
        assertThrows(InvalidStateException.class, future::exception);
    }

    @Test
    void setResultCompletesTheFutureOnce() {
        future.setResult("value");
        assertTrue(future.isDone());
        assertEquals("value", future.result());
        assertNull(future.exception());
        assertThrows(InvalidStateException.class, () -> future.setResult("again"));
        assertThrows(InvalidStateException.class, () -> future.setException(new RuntimeException()));
        assertFalse(future.cancel());
    }

    @Test
    void setExceptionMakesResultThrowItAsIsCheckedOrNot() {
        IOException failure = new IOException("checked");
        future.setException(failure);
        assertSame(failure, future.exception());
        try {
            future.result();
            fail("result() returned normally");
        } catch (Exception thrown) {
            assertSame(failure, thrown);
        }
    }

    @Test
    void cancelMakesTheFutureCancelled() {
        assertTrue(future.cancel("no longer needed"));
        assertTrue(future.isDone());
        assertTrue(future.isCancelled());
        assertEquals("no longer needed", assertThrows(CancelledException.class, future::result).getMessage());
        assertThrows(CancelledException.class, future::exception);
        assertFalse(future.cancel());
    }

    @Test
    void doneCallbacksAreScheduledOnTheLoopInOrderNotRunInline() {
        future.addDoneCallback(f -> log.add("first " + f.result()));
        future.addDoneCallback(f -> log.add("second " + f.result()));
        future.setResult("v");
        assertEquals(List.of(), log);
        Turns.run(loop, 1);
        assertEquals(List.of("first v", "second v"), log);
    }

    @Test
    void aCallbackAddedToADoneFutureIsScheduledToo() {
        future.setResult("v");
        future.addDoneCallback(f -> log.add("late " + f.result()));
        assertEquals(List.of(), log);
        Turns.run(loop, 1);
        assertEquals(List.of("late v"), log);
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistrationOfTheCallback() {
        Consumer<AsyncFuture<String>> removed = f -> log.add("removed");
        future.addDoneCallback(removed);
        future.addDoneCallback(f -> log.add("kept"));
        future.addDoneCallback(removed);
        assertEquals(2, future.removeDoneCallback(removed));
        future.setResult("v");
        Turns.run(loop, 1);
        assertEquals(List.of("kept"), log);
    }

    @Test
    void aLoneCallbackCanBeRemovedAndOthersAddedAfterIt() {
        Consumer<AsyncFuture<String>> alone = f -> log.add("removed");
        future.addDoneCallback(alone);
        assertEquals(1, future.removeDoneCallback(alone));
        assertEquals(0, future.removeDoneCallback(alone));
        future.addDoneCallback(f -> log.add("first after"));
        future.addDoneCallback(f -> log.add("second after"));
        future.setResult("v");
        Turns.run(loop, 1);
        assertEquals(List.of("first after", "second after"), log);
    }

    @Test
    void aFutureRefusesCallsFromAnotherThread() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                future.setResult("from elsewhere");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.start();
        other.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().contains("AsyncFuture.setResult"), thrown.get().getMessage());
        assertFalse(future.isDone());
    }

    @Test
    void theNoArgumentConstructorNeedsARunningLoop() {
        assertThrows(IllegalStateException.class, AsyncFuture::new);
        AtomicReference<AsyncFuture<String>> created = new AtomicReference<>();
        loop.callSoon(() -> created.set(new AsyncFuture<>()));
        Turns.run(loop, 1);
        assertSame(loop, created.get().loop());
    }
}
