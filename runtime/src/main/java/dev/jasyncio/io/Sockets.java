package dev.jasyncio.io;

import dev.jasyncio.tasks.AsyncFuture;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * Socket operations as awaitables on the running loop: asyncio's {@code loop.sock_accept},
 * {@code sock_recv_into}, {@code sock_sendall} and {@code sock_connect}.
 *
 * <p>Each operation is tried at once and completes without suspending when the channel is ready;
 * otherwise the loop watches the channel and finishes the operation when it is. Nothing ever
 * blocks the loop thread, so the channels must be non-blocking ({@code configureBlocking(false)});
 * {@link #accept} hands out accepted sockets already configured so. An I/O failure fails the
 * future with the {@code IOException}. One read and one write may be in flight per channel at a
 * time; a second one replaces the first one's registration.
 *
 * <pre>{@code
 * ByteBuffer buffer = ByteBuffer.allocate(4096);
 * while (await(Sockets.read(socket, buffer)) >= 0) {
 *     buffer.flip();
 *     await(Sockets.writeAll(socket, buffer));
 *     buffer.clear();
 * }
 * }</pre>
 */
public final class Sockets {

    private Sockets() {}

    /**
     * Accepts a connection; the new socket is non-blocking.
     *
     * @throws IllegalStateException if no loop runs on this thread
     * @throws IllegalArgumentException if {@code server} is in blocking mode
     */
    public static AsyncFuture<SocketChannel> accept(ServerSocketChannel server) {
        Objects.requireNonNull(server, "server");
        return new ReadinessOp<SocketChannel>(server, false) {
            @Override
            boolean attempt() throws IOException {
                SocketChannel accepted = server.accept();
                if (accepted == null) {
                    return false;
                }
                accepted.configureBlocking(false);
                future.setResult(accepted);
                return true;
            }
        }.start();
    }

    /**
     * Reads what is available into {@code buffer}, waiting until at least one byte is: gives the number
     * of bytes read, -1 at end of stream, and 0 at once if the buffer has no room left.
     *
     * @throws IllegalStateException if no loop runs on this thread
     * @throws IllegalArgumentException if {@code channel} is in blocking mode
     */
    public static <C extends SelectableChannel & ReadableByteChannel> AsyncFuture<Integer> read(
            C channel, ByteBuffer buffer) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(buffer, "buffer");
        return new ReadinessOp<Integer>(channel, false) {
            @Override
            boolean attempt() throws IOException {
                if (!buffer.hasRemaining()) {
                    future.setResult(0);
                    return true;
                }
                int count = channel.read(buffer);
                if (count == 0) {
                    return false;
                }
                future.setResult(count);
                return true;
            }
        }.start();
    }

    /**
     * Writes every remaining byte of {@code buffer}, waiting whenever the socket's send buffer is full;
     * completes once the last byte is handed to the system.
     *
     * @throws IllegalStateException if no loop runs on this thread
     * @throws IllegalArgumentException if {@code channel} is in blocking mode
     */
    public static <C extends SelectableChannel & WritableByteChannel> AsyncFuture<Void> writeAll(
            C channel, ByteBuffer buffer) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(buffer, "buffer");
        return new ReadinessOp<Void>(channel, true) {
            @Override
            boolean attempt() throws IOException {
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) == 0) {
                        return false;
                    }
                }
                future.setResult(null);
                return true;
            }
        }.start();
    }

    /**
     * Connects {@code socket} to {@code remote}.
     *
     * @throws IllegalStateException if no loop runs on this thread
     * @throws IllegalArgumentException if {@code socket} is in blocking mode
     */
    public static AsyncFuture<Void> connect(SocketChannel socket, SocketAddress remote) {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(remote, "remote");
        return new ReadinessOp<Void>(socket, true) {
            private boolean initiated;

            @Override
            boolean attempt() throws IOException {
                boolean connected;
                if (initiated) {
                    connected = socket.finishConnect();
                } else {
                    initiated = true;
                    connected = socket.connect(remote);
                }
                if (connected) {
                    future.setResult(null);
                }
                return connected;
            }
        }.start();
    }
}
