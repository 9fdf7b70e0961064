package dev.jasyncio.benchmarks;

import static dev.jasyncio.Jasyncio.await;
import static dev.jasyncio.Jasyncio.createTask;
import static dev.jasyncio.Jasyncio.done;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.io.Sockets;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Coroutine;
import dev.jasyncio.tasks.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * W5 of the bench-peers harness: a TCP echo server on one event loop. It listens on 127.0.0.1 on an
 * ephemeral port, prints {@code PORT <n>}, echoes every byte of every connection back, and exits
 * when its standard input reaches end of file.
 */
public final class EchoServer {

    static final int BUFFER_SIZE = 16 * 1024;

    private EchoServer() {}

    /** Echoes what {@code socket} sends until the peer closes its side. */
    @Async
    static Coroutine<Long> echo(SocketChannel socket) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        long echoed = 0;
        while (await(Sockets.read(socket, buffer)) >= 0) {
            buffer.flip();
            echoed += buffer.remaining();
            await(Sockets.writeAll(socket, buffer));
            buffer.clear();
        }
        socket.close();
        return done(echoed);
    }

    /** Accepts connections for as long as the server is open, one echo task each. */
    @Async
    static Coroutine<Void> acceptAll(ServerSocketChannel server) throws IOException {
        while (server.isOpen()) {
            SocketChannel socket = await(Sockets.accept(server));
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            createTask(echo(socket));
        }
        return done(null);
    }

    /** Serves until {@code stop} completes; leaving cancels the connections' tasks (EventLoop.run does). */
    @Async
    static Coroutine<Void> serve(ServerSocketChannel server, CompletableFuture<Void> stop) throws IOException {
        Task<Void> accepting = createTask(acceptAll(server));
        await(stop);
        accepting.cancel();
        return done(null);
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            System.out.println("INFO jasyncio on JDK " + Runtime.version());
            System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
            System.out.flush();
            EventLoop.run(EchoServerAsync.serve(server, endOfInput()));
        }
    }

    /** Completes, from a daemon thread, when standard input reaches end of file. */
    private static CompletableFuture<Void> endOfInput() {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // a broken standard input ends the server like end of file
            }
            ended.complete(null);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return ended;
    }
}
