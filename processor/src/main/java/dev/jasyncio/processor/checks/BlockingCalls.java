package dev.jasyncio.processor.checks;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDK methods that block the calling thread until something else happens, and what a coroutine
 * writes instead. A call matches an entry when the method has the entry's name and arity and its
 * receiver's static type is the entry's type or a subtype.
 */
final class BlockingCalls {
    /** Any number of arguments. */
    private static final int ANY = -1;
    /** The method name of a constructor: {@code new Socket(host, port)} connects before it returns. */
    static final String CONSTRUCTOR = "<init>";

    private static final String SLEEP = "write await(sleep(...)) instead, which lets the loop run other coroutines meanwhile";
    private static final String AWAIT_STAGE = "await the future instead: await(%s)";
    private static final String COMPLETE_A_FUTURE =
            "await an AsyncFuture that the other side completes instead of waiting for a signal";
    private static final String OFFLOAD =
            "run the blocking work on another thread and await its result: await(toThread(() -> ...))";
    private static final String SOCKETS =
            "use a non-blocking SocketChannel with dev.jasyncio.io.Sockets (await(Sockets.connect(...)),"
                    + " Sockets.accept, Sockets.read), or await(toThread(() -> ...))";
    private static final String SEND_ASYNC = "await(client.sendAsync(...)) instead";

    /**
     * One blocking method.
     *
     * @param arity the number of arguments that make the overload blocking, or {@link #ANY}
     * @param alternative what to write instead; a {@code %s} stands for the receiver's source text
     */
    record Entry(String type, String method, int arity, String alternative) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("java.lang.Thread", "sleep", ANY, SLEEP),
            new Entry("java.lang.Thread", "join", ANY, OFFLOAD),
            new Entry("java.lang.Object", "wait", ANY, COMPLETE_A_FUTURE),
            new Entry("java.lang.Process", "waitFor", ANY, OFFLOAD),
            new Entry("java.util.concurrent.CompletableFuture", "join", 0, AWAIT_STAGE),
            new Entry("java.util.concurrent.CompletableFuture", "get", ANY, AWAIT_STAGE),
            new Entry("java.util.concurrent.Future", "get", ANY, OFFLOAD),
            new Entry("java.util.concurrent.CountDownLatch", "await", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.CyclicBarrier", "await", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.Semaphore", "acquire", ANY, OFFLOAD),
            new Entry("java.util.concurrent.Semaphore", "acquireUninterruptibly", ANY, OFFLOAD),
            new Entry("java.util.concurrent.BlockingQueue", "take", 0, OFFLOAD),
            new Entry("java.util.concurrent.BlockingQueue", "put", 1, OFFLOAD),
            new Entry("java.util.concurrent.BlockingQueue", "poll", 2, OFFLOAD),
            new Entry("java.util.concurrent.BlockingQueue", "offer", 3, OFFLOAD),
            new Entry("java.util.concurrent.ExecutorService", "awaitTermination", ANY, OFFLOAD),
            new Entry("java.util.concurrent.ExecutorService", "invokeAll", ANY, OFFLOAD),
            new Entry("java.util.concurrent.ExecutorService", "invokeAny", ANY, OFFLOAD),
            new Entry("java.util.concurrent.locks.Condition", "await", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.Condition", "awaitUninterruptibly", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.Condition", "awaitNanos", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.Condition", "awaitUntil", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.LockSupport", "park", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.LockSupport", "parkNanos", ANY, COMPLETE_A_FUTURE),
            new Entry("java.util.concurrent.locks.LockSupport", "parkUntil", ANY, COMPLETE_A_FUTURE),
            new Entry("java.net.Socket", "connect", ANY, SOCKETS),
            new Entry("java.net.Socket", CONSTRUCTOR, 2, SOCKETS),
            new Entry("java.net.Socket", CONSTRUCTOR, 3, SOCKETS),
            new Entry("java.net.Socket", CONSTRUCTOR, 4, SOCKETS),
            new Entry("java.net.ServerSocket", "accept", 0, SOCKETS),
            new Entry("java.net.DatagramSocket", "receive", 1, OFFLOAD),
            new Entry("java.net.InetAddress", "getByName", 1, OFFLOAD),
            new Entry("java.net.InetAddress", "getAllByName", 1, OFFLOAD),
            new Entry("java.net.http.HttpClient", "send", ANY, SEND_ASYNC),
            new Entry("java.io.InputStream", "read", ANY, OFFLOAD),
            new Entry("java.io.InputStream", "readAllBytes", 0, OFFLOAD),
            new Entry("java.io.InputStream", "readNBytes", ANY, OFFLOAD),
            new Entry("java.io.InputStream", "transferTo", 1, OFFLOAD),
            new Entry("java.io.Reader", "read", ANY, OFFLOAD),
            new Entry("java.io.Reader", "transferTo", 1, OFFLOAD),
            new Entry("java.io.BufferedReader", "readLine", 0, OFFLOAD));

    /**
     * Streams over memory: reading them never waits, so a receiver statically of one of these types
     * is not reported (one typed as a plain {@code InputStream} may be a socket's, and is).
     */
    static final List<String> IN_MEMORY = List.of(
            "java.io.ByteArrayInputStream", "java.io.StringReader", "java.io.CharArrayReader");

    /** The simple names worth attributing a call for. */
    static final Set<String> METHOD_NAMES = ENTRIES.stream().map(Entry::method).collect(Collectors.toUnmodifiableSet());

    private BlockingCalls() {}

    static List<Entry> entries() {
        return ENTRIES;
    }
}
