package dev.jasyncio.loop;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The channels a loop watches for readiness, and the callbacks to run when they are ready: the
 * bookkeeping behind {@link EventLoop#addReader} and friends, as asyncio's selector event loop keeps it.
 *
 * <p>Each channel has one key on the loop's selector, whose attachment holds its reader and its writer.
 * Removing a reader does not clear the key's read interest at once: a coroutine that reads in a loop
 * removes and re-adds its reader on every read, and each interest change would cost the selector a
 * system call. The interest is cleared the first time the channel is reported readable with no
 * reader. Write interest is cleared at once, because a writable socket would otherwise wake the
 * selector on every turn.
 */
final class IoWatchers implements Consumer<SelectionKey> {

    private final Selector selector;
    private final Deque<Object> ready;

    /** Set by the first registration: before it, a loop turn knows without asking that no channel is registered. */
    private boolean everRegistered;

    IoWatchers(Selector selector, Deque<Object> ready) {
        this.selector = selector;
        this.ready = ready;
    }

    /**
     * Whether a channel may be registered: false only while none ever was, which spares a loop
     * of pure computation the look at the selector's key set (a concurrent set) on every turn.
     */
    boolean mayWatchChannels() {
        return everRegistered && !selector.keys().isEmpty();
    }

    void addReader(SelectableChannel channel, Handle reader) throws ClosedChannelException {
        Watch watch = watchOf(channel, readOps(channel));
        if (watch.reader != null) {
            watch.reader.cancel();
        }
        watch.reader = reader;
    }

    void addWriter(SelectableChannel channel, Handle writer) throws ClosedChannelException {
        Watch watch = watchOf(channel, writeOps(channel));
        if (watch.writer != null) {
            watch.writer.cancel();
        }
        watch.writer = writer;
    }

    boolean removeReader(SelectableChannel channel) {
        Watch watch = existingWatch(channel);
        if (watch == null || watch.reader == null) {
            return false;
        }
        watch.reader.cancel();
        watch.reader = null;
        return true;
    }

    boolean removeWriter(SelectableChannel channel) {
        Watch watch = existingWatch(channel);
        if (watch == null || watch.writer == null) {
            return false;
        }
        watch.writer.cancel();
        watch.writer = null;
        SelectionKey key = watch.key;
        if (key.isValid()) {
            key.interestOps(key.interestOps() & ~(SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT));
        }
        return true;
    }

    /** Called by the selector for each ready key: queues the callbacks of what is ready. */
    @Override
    public void accept(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Watch watch = (Watch) key.attachment();
        int readyOps = key.readyOps();
        int dropInterest = 0;
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            if (watch.reader != null) {
                ready.addLast(watch.reader);
            } else {
                dropInterest |= SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
            }
        }
        if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            if (watch.writer != null) {
                ready.addLast(watch.writer);
            } else {
                dropInterest |= SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;
            }
        }
        if (dropInterest != 0) {
            key.interestOps(key.interestOps() & ~dropInterest);
        }
    }

    /** The channel's watch, registering it or widening its interest to {@code ops}. */
    private Watch watchOf(SelectableChannel channel, int ops) throws ClosedChannelException {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the event loop only watches non-blocking channels: call "
                    + "configureBlocking(false) on " + channel + " first");
        }
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            Watch watch = new Watch();
            watch.key = channel.register(selector, ops, watch);
            everRegistered = true;
            return watch;
        }
        if (!key.isValid()) {
            throw new ClosedChannelException();
        }
        int interest = key.interestOps();
        if ((interest & ops) != ops) {
            key.interestOps(interest | ops);
        }
        return (Watch) key.attachment();
    }

    private Watch existingWatch(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null ? null : (Watch) key.attachment();
    }

    /** A listening channel is "readable" when a connection can be accepted. */
    private static int readOps(SelectableChannel channel) {
        return (channel.validOps() & SelectionKey.OP_ACCEPT) != 0 ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
    }

    /**
     * A socket whose connection is pending is "writable" when the connection completes; the selector
     * reports that as OP_CONNECT only, never as OP_WRITE.
     */
    private static int writeOps(SelectableChannel channel) {
        return channel instanceof SocketChannel socket && socket.isConnectionPending()
                ? SelectionKey.OP_CONNECT
                : SelectionKey.OP_WRITE;
    }

    /** What is registered for one channel. */
    private static final class Watch {
        SelectionKey key;
        Handle reader;
        Handle writer;
    }
}
