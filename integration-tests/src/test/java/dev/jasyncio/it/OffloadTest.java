package dev.jasyncio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jasyncio.it.Offload.Handoff;
import dev.jasyncio.loop.EventLoop;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A CompletableFuture completed by another thread, awaited on the loop. */
class OffloadTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(work -> new Thread(work, "blocking-worker"));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void resultComesBackOnTheLoopThread() {
        Handoff<String> handoff = EventLoop.run(OffloadAsync.onWorker(() -> Thread.currentThread().getName(), pool));

        assertEquals("blocking-worker", handoff.result());
        assertSame(Thread.currentThread(), handoff.startedOn(), "EventLoop.run runs the loop on the calling thread");
        assertSame(Thread.currentThread(), handoff.resumedOn());
    }

    @Test
    void failureOnTheWorkerIsThrownAsIsNotWrapped() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(OffloadAsync.onWorker(() -> {
                    throw new IllegalArgumentException("no such user");
                }, pool)));

        assertEquals("no such user", thrown.getMessage());
    }
}
