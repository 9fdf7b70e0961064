package dev.jasyncio.loop;

/**
 * A callback scheduled on an event loop, which can be cancelled until it runs.
 *
 * <p>Loop-affine, like everything on the loop: {@link #cancel()} must be called on the loop thread.
 */
public sealed class Handle permits TimerHandle {

    private final EventLoop loop;
    private Runnable callback;

    Handle(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    /** Prevents the callback from running; does nothing if it ran or was cancelled already. */
    public final void cancel() {
        if (!loop.inLoopThread()) {
            loop.checkThread("Handle.cancel");
        }
        if (callback != null) {
            callback = null;
            onCancel();
        }
    }

    public final boolean isCancelled() {
        return callback == null;
    }

    /** Lets a timer tell its queue that one of its entries is now dead. */
    void onCancel() {}

    /** Runs the callback unless it was cancelled. */
    final void run() {
        Runnable toRun = callback;
        if (toRun != null) {
            toRun.run();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (callback == null ? "cancelled" : callback) + "]";
    }
}
