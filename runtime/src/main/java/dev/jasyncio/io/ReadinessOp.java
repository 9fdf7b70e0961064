package dev.jasyncio.io;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * One socket operation in flight: it is tried at once, and if the channel is not ready, tried again
 * each time the loop reports the channel ready, until it completes its future.
 *
 * <p>An operation whose future was cancelled stops at the next readiness report; until then it stays
 * registered, which costs nothing but a wake-up (the next operation on the channel replaces it).
 *
 * @param <T> the result of the operation
 */
abstract class ReadinessOp<T> implements Runnable {

    final EventLoop loop;
    final AsyncFuture<T> future;
    private final SelectableChannel channel;
    private final boolean forWriting;

    ReadinessOp(SelectableChannel channel, boolean forWriting) {
        this.loop = EventLoop.getRunningLoop();
        this.future = new AsyncFuture<>(loop);
        this.channel = channel;
        this.forWriting = forWriting;
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("socket operations on the event loop need a non-blocking channel: call "
                    + "configureBlocking(false) on " + channel + " first");
        }
    }

    /**
     * Tries the operation once without blocking.
     *
     * @return true if it finished and completed {@link #future}; false if the channel was not ready
     */
    abstract boolean attempt() throws IOException;

    /** Tries now, and if the channel is not ready, watches it; returns the future either way. */
    final AsyncFuture<T> start() {
        try {
            if (!attempt()) {
                if (forWriting) {
                    loop.addWriter(channel, this);
                } else {
                    loop.addReader(channel, this);
                }
            }
        } catch (IOException e) {
            future.setException(e);
        }
        return future;
    }

    /** The channel is ready: try again; stop watching once the operation finished, failed or was cancelled. */
    @Override
    public final void run() {
        boolean finished = future.isDone();
        if (!finished) {
            try {
                finished = attempt();
            } catch (IOException e) {
                future.setException(e);
                finished = true;
            }
        }
        if (finished) {
            if (forWriting) {
                loop.removeWriter(channel);
            } else {
                loop.removeReader(channel);
            }
        }
    }
}
