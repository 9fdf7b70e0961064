package dev.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jasyncio.testing.Pipes;
import dev.jasyncio.testing.Turns;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readers and writers on the loop's selector, and the loop's thread when it is interrupted. */
class EventLoopIoTest {

    private final EventLoop loop = new EventLoop();
    private final Pipe pipe = Pipes.nonBlocking();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        loop.close();
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void aReaderRunsOnEveryTurnItsChannelIsReadableUntilRemoved() throws IOException {
        // the loop stops on the reader's first run, not at a fixed time: a descheduled loop could
        // otherwise reach the write and a stop timer in one pass, before it polled the channel
        loop.addReader(pipe.source(), () -> {
            log.add("readable");
            if (log.size() == 1) {
                loop.stop();
            }
        });
        loop.callLater(Duration.ofMillis(10), () -> write("x"));
        TimerHandle giveUp = loop.callLater(Duration.ofSeconds(10), loop::stop);
        loop.runForever();
        giveUp.cancel();
        int whileUnread = log.size();
        assertTrue(whileUnread >= 1, "the reader never ran");
        Turns.run(loop, 2);
        assertEquals(whileUnread + 2, log.size(), "data left unread keeps the channel readable, turn after turn");
        assertTrue(loop.removeReader(pipe.source()));
        Turns.run(loop, 3);
        assertEquals(whileUnread + 2, log.size(), "a removed reader ran");
        assertFalse(loop.removeReader(pipe.source()), "removing twice");
    }

    @Test
    void aReaderAddedAgainReplacesTheFirst() throws IOException {
        write("x");
        loop.addReader(pipe.source(), () -> log.add("first"));
        loop.addReader(pipe.source(), () -> log.add("second"));
        Turns.run(loop, 1);
        assertEquals(List.of("second"), log);
    }

    @Test
    void aWriterRunsWhileTheChannelIsWritableAndStopsWhenRemoved() throws IOException {
        loop.addWriter(pipe.sink(), () -> log.add("writable"));
        Turns.run(loop, 2);
        assertEquals(List.of("writable", "writable"), log);
        assertTrue(loop.removeWriter(pipe.sink()));
        Turns.run(loop, 2);
        assertEquals(2, log.size());
    }

    @Test
    void aReaderRemovedAfterTheSelectQueuedItDoesNotRun() throws IOException {
        write("x");
        loop.addReader(pipe.source(), () -> log.add("reader"));
        // Ready before the turn begins, so it runs in the same turn as the reader the select queues, before it.
        loop.callSoon(() -> {
            log.add("remove");
            loop.removeReader(pipe.source());
        });
        Turns.run(loop, 2);
        assertEquals(List.of("remove"), log);
    }

    @Test
    void blockingAndClosedChannelsAreRefused() throws IOException {
        pipe.source().configureBlocking(true);
        IllegalArgumentException blocking = assertThrows(
                IllegalArgumentException.class, () -> loop.addReader(pipe.source(), () -> {}));
        assertTrue(blocking.getMessage().startsWith(
                "the event loop only watches non-blocking channels: call configureBlocking(false) on "),
                blocking.getMessage());
        pipe.sink().close();
        assertThrows(ClosedChannelException.class, () -> loop.addWriter(pipe.sink(), () -> {}));
    }

    @Test
    void readersAreLoopAffine() throws InterruptedException {
        Thread other = new Thread(() -> {
            try {
                loop.addReader(pipe.source(), () -> {});
                log.add("accepted");
            } catch (IllegalStateException expected) {
                log.add(expected.getMessage());
            } catch (IOException e) {
                log.add(e.toString());
            }
        }, "intruder");
        other.start();
        other.join();
        assertEquals(List.of("EventLoop.addReader was called on thread 'intruder', but the event loop belongs to"
                + " thread '" + Thread.currentThread().getName() + "'; other threads must hand work to the loop with"
                + " callSoonThreadsafe"), log);
    }

    @Test
    void anInterruptedLoopThreadDoesNotSpinAndGetsItsInterruptBackWhenTheLoopStops() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported());
        loop.callSoon(() -> Thread.currentThread().interrupt());
        loop.callLater(Duration.ofMillis(300), loop::stop);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        loop.runForever();
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertTrue(Thread.interrupted(), "the interrupt was lost");
        // A spinning select burns the whole wait on the CPU; a blocked one next to nothing.
        assertTrue(cpu < wall / 3, "the loop used " + cpu / 1_000_000 + " ms of CPU in " + wall / 1_000_000 + " ms");
    }

    private void write(String text) {
        try {
            pipe.sink().write(ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
