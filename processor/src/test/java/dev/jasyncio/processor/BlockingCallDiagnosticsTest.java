package dev.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jasyncio.processor.BlueprintHarness.compile;
import static dev.jasyncio.processor.BlueprintHarness.compileCleanly;
import static dev.jasyncio.processor.BlueprintHarness.sourceLines;

import com.google.testing.compile.Compilation;
import dev.jasyncio.processor.checks.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A call that blocks the thread inside a blueprint stalls every coroutine of the loop: one warning
 * at the call, naming it and the non-blocking alternative. {@code @SuppressWarnings} with
 * {@code "jasyncio-blocking"} silences it, and javac's own lint says nothing about that token.
 */
class BlockingCallDiagnosticsTest {
    private static final String OFFLOAD =
            "run the blocking work on another thread and await its result: await(toThread(() -> ...))";
    private static final String SOCKETS =
            "use a non-blocking SocketChannel with dev.jasyncio.io.Sockets (await(Sockets.connect(...)),"
                    + " Sockets.accept, Sockets.read), or await(toThread(() -> ...))";
    private static final String COMPLETE_A_FUTURE =
            "await an AsyncFuture that the other side completes instead of waiting for a signal";

    private static String[] blueprint(String name, String... body) {
        String[] head = {
            "package demo;",
            "import static dev.jasyncio.Jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import dev.jasyncio.tasks.Coroutine;",
            "import java.io.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "class " + name + " {",
            "    @Async",
            "    static Coroutine<String> main(Socket socket, CompletableFuture<String> stage, Future<String> future,",
            "            BlockingQueue<String> queue, CountDownLatch latch, Thread worker) throws Exception {",
        };
        String[] tail = {
            "        return done(\"x\");",
            "    }",
            "}",
        };
        String[] all = new String[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        return all;
    }

    private static String warning(String call, String alternative) {
        return String.format(Messages.BLOCKING_CALL, call, alternative);
    }

    @Test
    void threadSleepIsAWarningThatProposesAwaitSleep() {
        JavaFileObject file = sourceLines("Sleeper", blueprint("Sleeper",
                "        Thread.sleep(100);"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(warning("Thread.sleep(...)",
                        "write await(sleep(...)) instead, which lets the loop run other coroutines meanwhile"))
                .inFile(file).onLine(12).atColumn(21);
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void joiningOrGettingACompletableFutureProposesToAwaitIt() {
        JavaFileObject file = sourceLines("Joiner", blueprint("Joiner",
                "        String a = stage.join();",
                "        String b = stage.get();"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(warning("CompletableFuture.join(...)", "await the future instead: await(stage)"))
                .inFile(file).onLine(12).atColumn(30);
        assertThat(compilation).hadWarningContaining(warning("CompletableFuture.get(...)", "await the future instead: await(stage)"))
                .inFile(file).onLine(13).atColumn(29);
        assertThat(compilation).hadWarningCount(2);
    }

    @Test
    void waitingForThreadsSignalsAndQueuesIsAWarningEach() {
        JavaFileObject file = sourceLines("Waiter", blueprint("Waiter",
                "        future.get();",
                "        worker.join();",
                "        latch.await();",
                "        queue.take();",
                "        synchronized (queue) {",
                "            queue.wait(10);",
                "        }"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(warning("Future.get(...)", OFFLOAD)).inFile(file).onLine(12).atColumn(19);
        assertThat(compilation).hadWarningContaining(warning("Thread.join(...)", OFFLOAD)).inFile(file).onLine(13).atColumn(20);
        assertThat(compilation).hadWarningContaining(warning("CountDownLatch.await(...)", COMPLETE_A_FUTURE))
                .inFile(file).onLine(14).atColumn(20);
        assertThat(compilation).hadWarningContaining(warning("BlockingQueue.take(...)", OFFLOAD)).inFile(file).onLine(15).atColumn(19);
        assertThat(compilation).hadWarningContaining(warning("Object.wait(...)", COMPLETE_A_FUTURE))
                .inFile(file).onLine(17).atColumn(23);
        assertThat(compilation).hadWarningCount(5);
    }

    @Test
    void socketConnectAcceptAndStreamReadsAreAWarningEach() {
        JavaFileObject file = sourceLines("Sockets", blueprint("Sockets",
                "        Socket other = new Socket(\"localhost\", 80);",
                "        int first = socket.getInputStream().read();",
                "        try (ServerSocket server = new ServerSocket(0)) {",
                "            server.accept().close();",
                "        }",
                "        other.close();"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(warning("new Socket(...)", SOCKETS)).inFile(file).onLine(12).atColumn(24);
        assertThat(compilation).hadWarningContaining(warning("InputStream.read(...)", OFFLOAD)).inFile(file).onLine(13).atColumn(49);
        assertThat(compilation).hadWarningContaining(warning("ServerSocket.accept(...)", SOCKETS)).inFile(file).onLine(15).atColumn(26);
        assertThat(compilation).hadWarningCount(3);
    }

    /**
     * Not blocking the loop: memory streams, code in a lambda (which runs where it is called, here
     * on another thread, as the warning proposes), and ordinary methods.
     */
    @Test
    void memoryStreamsLambdasAndOrdinaryCodeAreNotWarnedAbout() {
        compileCleanly(sourceLines("Fine",
                "package demo;",
                "import static dev.jasyncio.Jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.tasks.Coroutine;",
                "import java.io.ByteArrayInputStream;",
                "class Fine {",
                "    @Async",
                "    static Coroutine<Integer> main() {",
                "        int first = new ByteArrayInputStream(new byte[] {7}).read();",
                "        String slow = await(toThread(() -> {",
                "            Thread.sleep(1);",
                "            return \"slow\";",
                "        }));",
                "        return done(first + slow.length());",
                "    }",
                "",
                "    static void plain() throws InterruptedException {",
                "        Thread.sleep(1);",
                "    }",
                "}"));
    }

    @Test
    void suppressWarningsOnTheMethodSilencesItWithoutALintWarning() {
        String[] lines = blueprint("Deliberate", "        Thread.sleep(1);");
        lines[8] = "    @Async @SuppressWarnings(\"jasyncio-blocking\")";
        compileCleanly(sourceLines("Deliberate", lines));
    }

    @Test
    void suppressWarningsOnALocalSilencesOnlyItsInitializer() {
        JavaFileObject file = sourceLines("Local", blueprint("Local",
                "        @SuppressWarnings(\"jasyncio-blocking\")",
                "        String known = stage.join();",
                "        String other = stage.join();"));
        Compilation compilation = compile(file);
        assertThat(compilation).hadWarningContaining(warning("CompletableFuture.join(...)", "await the future instead: await(stage)"))
                .inFile(file).onLine(14).atColumn(34);
        assertThat(compilation).hadWarningCount(1);
    }
}
