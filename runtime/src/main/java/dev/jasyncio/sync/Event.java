package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.AsyncFuture;
import dev.jasyncio.tasks.Awaitable;

/**
 * A flag that tasks wait for: asyncio's {@code Event}. {@link #set()} wakes every task waiting in
 * {@link #waitSet()}; while the flag stays set, waiting completes at once; {@link #clear()} lowers it
 * again. A task woken by {@code set()} returns from its wait even if the flag is cleared before it
 * resumes.
 *
 * <p>(asyncio's {@code wait()} is {@code waitSet()} here, since {@code Object.wait()} is final.)
 *
 * <p>Loop-affine: use it only on its loop's thread.
 */
public final class Event {

    private final Waiters<Void> waiters;
    private AsyncFuture<Void> setAlready;
    private boolean flag;

    /** An event on the loop running on this thread, not set. */
    public Event() {
        this(EventLoop.getRunningLoop());
    }

    /** An event on {@code loop}, not set. */
    public Event(EventLoop loop) {
        waiters = new Waiters<>(loop);
    }

    /** Sets the flag and wakes every waiting task. */
    public void set() {
        checkThread("Event.set");
        if (flag) {
            return;
        }
        flag = true;
        waiters.handOverToAll(null);
    }

    /** Lowers the flag: tasks that wait from now on wait for the next {@link #set()}. */
    public void clear() {
        checkThread("Event.clear");
        flag = false;
    }

    /** True if the flag is set. */
    public boolean isSet() {
        checkThread("Event.isSet");
        return flag;
    }

    /** Waits until the flag is set; complete already if it is set now. */
    public Awaitable<Void> waitSet() {
        checkThread("Event.waitSet");
        if (flag) {
            if (setAlready == null) {
                setAlready = waiters.completed(null);
            }
            return setAlready;
        }
        return new WaitSet();
    }

    @Override
    public String toString() {
        return "Event[" + (flag ? "set" : "unset") + ", waiters=" + waiters.size() + "]";
    }

    private void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    /** Waits for the next {@link #set()}. */
    private final class WaitSet extends Turn<Void> {

        WaitSet() {
            super(waiters);
        }

        @Override
        protected Waiters<Void> waiters() {
            return waiters;
        }

        @Override
        protected Object now() {
            return flag ? null : NOT_NOW;
        }

        @Override
        protected Void taken(Void handed) {
            return null;
        }

        @Override
        protected void giveBack(Void handed) {
            // Every waiter is woken by the same set(): a cancelled one takes nothing from the others.
        }
    }
}
