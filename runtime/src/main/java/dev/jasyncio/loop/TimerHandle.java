package dev.jasyncio.loop;

/** A callback scheduled to run at a time on its loop's clock ({@link EventLoop#time()}). */
public final class TimerHandle extends Handle {

    private final long when;

    /** The queue holding this timer, or null once it left the queue. */
    TimerQueue queue;

    TimerHandle(EventLoop loop, long when, Runnable callback) {
        super(loop, callback);
        this.when = when;
    }

    /** The deadline, in nanoseconds on the loop's clock. */
    public long when() {
        return when;
    }

    @Override
    void onCancel() {
        if (queue != null) {
            queue.timerCancelled();
        }
    }
}
