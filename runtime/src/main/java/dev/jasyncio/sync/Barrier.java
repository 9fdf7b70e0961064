package dev.jasyncio.sync;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Awaitable;

/**
 * A meeting point for a fixed number of tasks: asyncio's {@code Barrier}. Each task awaits
 * {@link #arriveAndWait()}; when the last of the {@code parties} arrives, all of them go on
 * together and the barrier is ready for the next round at once.
 *
 * <p>Each arrival gives an index from 0 to {@code parties - 1}, in order of arrival: the last task
 * to arrive gets {@code parties - 1}, so exactly one task of each round can do the round's closing
 * work. A task cancelled while it waits simply leaves: the round then needs one more arrival.
 *
 * <p>{@link #abort()} breaks the barrier: waiting tasks, and any that arrive later, get a
 * {@link BrokenBarrierException} until {@link #reset()}. {@code reset()} also fails the tasks
 * waiting at that moment, and starts a new round. Both are immediate here, where asyncio's are
 * coroutines, since nothing in them waits.
 *
 * <p>Loop-affine: use it only on its loop's thread.
 */
public final class Barrier {

    private final Waiters<Integer> waiters;
    private final int parties;
    private boolean broken;

    /**
     * A barrier for {@code parties} tasks on the loop running on this thread.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        this(EventLoop.getRunningLoop(), parties);
    }

    /**
     * A barrier for {@code parties} tasks on {@code loop}.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(EventLoop loop, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least 1 party, not " + parties);
        }
        this.waiters = new Waiters<>(loop);
        this.parties = parties;
    }

    /**
     * Arrives at the barrier when awaited and waits for the rest of the parties; gives this
     * arrival's index.
     *
     * @throws BrokenBarrierException (when awaited) if the barrier is broken, or is aborted or reset
     *     while the task waits
     */
    public Awaitable<Integer> arriveAndWait() {
        checkThread("Barrier.arriveAndWait");
        return new Arrival();
    }

    /** Breaks the barrier: waiting tasks and later arrivals fail with {@link BrokenBarrierException}. */
    public void abort() {
        checkThread("Barrier.abort");
        broken = true;
        waiters.failAll(() -> new BrokenBarrierException("the Barrier was aborted"));
    }

    /**
     * Starts over: the tasks waiting now fail with {@link BrokenBarrierException}, and the barrier,
     * broken or not, waits for a full round of new arrivals.
     */
    public void reset() {
        checkThread("Barrier.reset");
        waiters.failAll(() -> new BrokenBarrierException("the Barrier was reset while the task waited"));
        broken = false;
    }

    /** How many tasks a round needs. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait for the current round to fill. */
    public int waiting() {
        checkThread("Barrier.waiting");
        return waiters.size();
    }

    /** True if the barrier was aborted and not reset since. */
    public boolean isBroken() {
        checkThread("Barrier.isBroken");
        return broken;
    }

    @Override
    public String toString() {
        return "Barrier[" + (broken ? "broken" : waiters.size() + "/" + parties + " waiting") + "]";
    }

    private void checkThread(String operation) {
        waiters.loop().checkThread(operation);
    }

    /** One task's arrival: the last of a round lets the others go, the rest wait for it. */
    private final class Arrival extends Turn<Integer> {

        Arrival() {
            super(waiters);
        }

        @Override
        protected Waiters<Integer> waiters() {
            return waiters;
        }

        @Override
        protected Object now() {
            if (broken) {
                throw new BrokenBarrierException("the Barrier is broken; reset() it to use it again");
            }
            if (waiters.size() + 1 < parties) {
                return NOT_NOW;
            }
            for (int index = 0; index < parties - 1; index++) {
                waiters.handOver(index);
            }
            return parties - 1;
        }

        @Override
        protected Integer taken(Integer index) {
            return index;
        }

        @Override
        protected void giveBack(Integer index) {
            // The round has passed; a task cancelled after it takes nothing the others need.
        }
    }
}
