package dev.jasyncio.io;

import static dev.jasyncio.testing.Steps.awaiting;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jasyncio.Jasyncio;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.CancelledException;
import dev.jasyncio.tasks.Task;
import dev.jasyncio.testing.Pipes;
import dev.jasyncio.testing.Steps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketsTest {

    private final Pipe pipe = Pipes.nonBlocking();

    @AfterEach
    void closePipe() throws IOException {
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void aReadWaitsForDataWithoutBlockingTheLoop() {
        List<String> log = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(16);
        int count = EventLoop.run(Steps.<Integer>of(
                m -> {
                    EventLoop loop = EventLoop.getRunningLoop();
                    loop.callSoon(() -> log.add("the loop runs other callbacks meanwhile"));
                    loop.callLater(Duration.ofMillis(20), () -> {
                        log.add("data written");
                        writeQuietly(pipe.sink(), "hello");
                    });
                    return awaiting(Sockets.read(pipe.source(), buffer));
                },
                m -> {
                    log.add("read resumed");
                    return m.resume();
                }));
        assertEquals(5, count);
        assertEquals("hello", new String(buffer.array(), 0, 5, StandardCharsets.US_ASCII));
        assertEquals(List.of("the loop runs other callbacks meanwhile", "data written", "read resumed"), log);
    }

    @Test
    void aReadOfDataAlreadyThereCompletesWithoutSuspending() {
        writeQuietly(pipe.sink(), "ready");
        AsyncFuture<?>[] read = new AsyncFuture<?>[1];
        EventLoop.run(Steps.of(m -> {
            read[0] = Sockets.read(pipe.source(), ByteBuffer.allocate(16));
            return null;
        }));
        assertTrue(read[0].isDone());
        assertEquals(5, read[0].result());
    }

    @Test
    void aReadGivesMinusOneAtEndOfStreamAndZeroForAFullBuffer() throws IOException {
        pipe.sink().close();
        int atEnd = EventLoop.run(Steps.<Integer>of(
                m -> awaiting(Sockets.read(pipe.source(), ByteBuffer.allocate(4))), m -> m.resume()));
        assertEquals(-1, atEnd);
        int full = EventLoop.run(Steps.<Integer>of(
                m -> awaiting(Sockets.read(pipe.source(), ByteBuffer.allocate(0))), m -> m.resume()));
        assertEquals(0, full);
    }

    @Test
    void writeAllWaitsWheneverTheChannelIsFullAndDeliversEveryByteInOrder() {
        byte[] data = new byte[4 << 20]; // far more than a pipe buffers, so the write must wait
        new Random(42).nextBytes(data);
        ByteBuffer received = ByteBuffer.allocate(data.length);
        List<Task<Void>> draining = new ArrayList<>();
        EventLoop.run(Steps.of(
                m -> {
                    draining.add(Jasyncio.createTask(drain(pipe.source(), received)));
                    return awaiting(Sockets.writeAll(pipe.sink(), ByteBuffer.wrap(data)));
                },
                m -> {
                    m.resume();
                    return awaiting(draining.get(0));
                },
                m -> m.resume()));
        assertFalse(received.hasRemaining());
        assertArrayEquals(data, received.array());
    }

    @Test
    void aServerAndAClientTalkOverLoopbackOnOneLoop() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            SocketChannel client = SocketChannel.open();
            client.configureBlocking(false);
            ByteBuffer reply = ByteBuffer.allocate(4);
            SocketChannel[] accepted = new SocketChannel[1];
            EventLoop.run(Steps.of(
                    m -> {
                        Jasyncio.createTask(Steps.of(
                                s -> awaiting(Sockets.accept(server)),
                                s -> {
                                    accepted[0] = s.resume();
                                    return awaiting(echoOnce(accepted[0]));
                                },
                                s -> s.resume()));
                        return awaiting(Sockets.connect(client, server.getLocalAddress()));
                    },
                    m -> {
                        m.resume();
                        return awaiting(Sockets.writeAll(client, ByteBuffer.wrap(new byte[] {1, 2, 3, 4})));
                    },
                    m -> {
                        m.resume();
                        return awaiting(readFully(client, reply));
                    },
                    m -> m.resume()));
            assertArrayEquals(new byte[] {1, 2, 3, 4}, reply.array());
            assertFalse(accepted[0].isBlocking(), "accept hands out non-blocking sockets");
            accepted[0].close();
            client.close();
        }
    }

    @Test
    void aCancelledReadConsumesNothingAndTheNextReadGetsTheData() {
        ByteBuffer first = ByteBuffer.allocate(8);
        ByteBuffer second = ByteBuffer.allocate(8);
        int count = EventLoop.run(Steps.<Integer>of(
                m -> {
                    Task<Integer> reading = Jasyncio.createTask(Steps.<Integer>of(
                            s -> awaiting(Sockets.read(pipe.source(), first)), s -> s.resume()));
                    return awaiting(Steps.of(
                            s -> awaiting(Jasyncio.sleep(Duration.ofMillis(10))),
                            s -> {
                                reading.cancel();
                                return awaiting(Jasyncio.gatherReturnExceptions(reading));
                            },
                            s -> s.resume()));
                },
                m -> {
                    m.resume();
                    writeQuietly(pipe.sink(), "later");
                    return awaiting(Sockets.read(pipe.source(), second));
                },
                m -> m.resume()));
        assertEquals(5, count);
        assertEquals(0, first.position());
        assertEquals("later", new String(second.array(), 0, 5, StandardCharsets.US_ASCII));
    }

    @Test
    void aReadOnAClosedChannelFailsItsFuture() throws IOException {
        pipe.source().close();
        Throwable failure = EventLoop.run(Steps.<Throwable>of(
                m -> awaiting(Sockets.read(pipe.source(), ByteBuffer.allocate(4))),
                m -> m.resumeOrThrown()));
        assertInstanceOf(ClosedChannelException.class, failure);
    }

    @Test
    void aBlockingChannelIsRefusedWithAnExplanation() throws IOException {
        pipe.source().configureBlocking(true);
        IllegalArgumentException refused = EventLoop.run(Steps.<IllegalArgumentException>of(m -> assertThrows(
                IllegalArgumentException.class, () -> Sockets.read(pipe.source(), ByteBuffer.allocate(4)))));
        assertTrue(refused.getMessage().startsWith("socket operations on the event loop need a non-blocking channel:"
                + " call configureBlocking(false) on "), refused.getMessage());
    }

    @Test
    void anOperationOutsideARunningLoopIsRefused() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> Sockets.read(pipe.source(), ByteBuffer.allocate(4)));
        assertTrue(refused.getMessage().startsWith("no event loop is running on thread"), refused.getMessage());
    }

    @Test
    void cancellingAnAwaitedReadDeliversTheCancellationAtTheAwait() {
        Object outcome = EventLoop.run(Steps.of(
                m -> {
                    AsyncFuture<Integer> read = Sockets.read(pipe.source(), ByteBuffer.allocate(4));
                    EventLoop.getRunningLoop().callLater(Duration.ofMillis(5), read::cancel);
                    return awaiting(read);
                },
                m -> m.resumeOrThrown()));
        assertInstanceOf(CancelledException.class, outcome);
    }

    /** Reads everything from {@code source} into {@code into} until end of stream or a full buffer. */
    private static Steps<Void> drain(Pipe.SourceChannel source, ByteBuffer into) {
        return Steps.of(
                m -> awaiting(Sockets.read(source, into)),
                m -> {
                    int count = m.resume();
                    return count > 0 && into.hasRemaining() ? awaiting(drain(source, into)) : null;
                },
                m -> m.resume());
    }

    private static Steps<Void> echoOnce(SocketChannel socket) {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        return Steps.of(
                m -> awaiting(readFully(socket, buffer)),
                m -> {
                    m.resume();
                    buffer.flip();
                    return awaiting(Sockets.writeAll(socket, buffer));
                },
                m -> m.resume());
    }

    /** Reads until {@code buffer} is full. */
    private static Steps<Void> readFully(SocketChannel socket, ByteBuffer buffer) {
        return Steps.of(
                m -> awaiting(Sockets.read(socket, buffer)),
                m -> {
                    m.resume();
                    return buffer.hasRemaining() ? awaiting(readFully(socket, buffer)) : null;
                },
                m -> m.resume());
    }

    private static void writeQuietly(Pipe.SinkChannel sink, String text) {
        try {
            sink.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
