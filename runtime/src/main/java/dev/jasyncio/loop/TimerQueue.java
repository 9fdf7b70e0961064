package dev.jasyncio.loop;

import dev.jasyncio.tasks.Task;
import dev.jasyncio.tasks.TaskRegistry;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap ordered by deadline, then by scheduling order.
 *
 * <p>An entry is a {@link TimerHandle}, or a {@link Task} asleep in {@code sleep(...)}: a sleeping
 * task waits in the heap itself, without a future or a handle of its own, which is what makes a
 * sleeping coroutine cheap. The deadline and the scheduling order of each entry live in arrays
 * parallel to the entries, so an entry costs three array slots and no object.
 *
 * <p>A sleeping task knows its place in the heap (the heap tells the task's registry whenever it
 * moves one), so a task woken early, by a cancellation, leaves the heap at once. Cancelling a
 * timer instead leaves it in the heap, because a handle does not know its place; the queue only
 * counts it. Cancelled timers are dropped when they reach the top, and when they make up most of a
 * large heap the heap is rebuilt without them, so that a program that keeps scheduling and
 * cancelling timeouts does not grow the heap without bound. CPython's event loop does the same.
 */
final class TimerQueue {

    /** Heaps smaller than this are never compacted: dropping from the top is cheap enough. */
    private static final int MIN_SIZE_TO_COMPACT = 100;

    private static final int INITIAL_CAPACITY = 16;

    private final TaskRegistry tasks;
    private Object[] entries = new Object[INITIAL_CAPACITY];
    private long[] deadlines = new long[INITIAL_CAPACITY];

    /**
     * The scheduling order of each entry, which breaks ties between equal deadlines. An int that
     * may wrap: only entries with the same deadline are compared, and they are compared by
     * difference, which stays right unless two billion timers were scheduled between them.
     */
    private int[] sequences = new int[INITIAL_CAPACITY];

    private int size;
    private int dead;
    private int nextSequence;

    TimerQueue(TaskRegistry tasks) {
        this.tasks = tasks;
    }

    void add(TimerHandle timer) {
        timer.queue = this;
        push(timer, timer.when());
    }

    /** Lets {@code task} sleep until {@code deadline}, when the queue moves it to the ready queue. */
    void add(Task<?> task, long deadline) {
        push(task, deadline);
    }

    /** Takes {@code task}, woken before its deadline, out of the heap. */
    void remove(Task<?> task) {
        int index = tasks.timerIndex(task);
        if (index < 0) {
            return;
        }
        tasks.movedInTimerHeap(task, -1);
        size--;
        if (index == size) {
            entries[size] = null;
            return;
        }
        place(index, entries[size], deadlines[size], sequences[size]);
        entries[size] = null;
        siftDown(index);
        siftUp(index);
    }

    /** The deadline of {@code task}, which sleeps in the heap. */
    long deadlineOf(Task<?> task) {
        return deadlines[tasks.timerIndex(task)];
    }

    /** Called by a timer of this queue when it is cancelled. */
    void timerCancelled() {
        dead++;
    }

    /**
     * Drops dead entries: all of them if they are most of a large heap, else those on top, so
     * that {@link #earliestDeadline()} is the deadline of an entry that will run.
     */
    void purge() {
        if (size > MIN_SIZE_TO_COMPACT && dead * 2 > size) {
            compact();
        } else {
            while (size > 0 && isDead(0)) {
                dead--;
                pollFirst();
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The deadline of the first entry; only meaningful when the queue is not empty. */
    long earliestDeadline() {
        return deadlines[0];
    }

    /**
     * Moves every entry due at {@code now} to {@code ready}, earliest first: the timers, and the
     * sleeping tasks, which the registry wakes up on the way.
     */
    void moveExpired(long now, ArrayDeque<Object> ready) {
        while (size > 0 && deadlines[0] <= now) {
            Object entry = pollFirst();
            if (entry instanceof TimerHandle timer) {
                if (timer.isCancelled()) {
                    dead--;
                }
                timer.queue = null;
            } else {
                tasks.wakeFromSleep((Task<?>) entry);
            }
            ready.addLast(entry);
        }
    }

    /** Number of entries in the heap, dead ones included. */
    int size() {
        return size;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            if (entries[i] instanceof TimerHandle timer) {
                timer.queue = null;
            } else {
                tasks.movedInTimerHeap((Task<?>) entries[i], -1);
            }
            entries[i] = null;
        }
        size = 0;
        dead = 0;
    }

    private void push(Object entry, long deadline) {
        if (size == entries.length) {
            int capacity = size * 2;
            entries = Arrays.copyOf(entries, capacity);
            deadlines = Arrays.copyOf(deadlines, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
        }
        place(size, entry, deadline, nextSequence++);
        siftUp(size++);
    }

    private boolean isDead(int index) {
        return entries[index] instanceof TimerHandle timer && timer.isCancelled();
    }

    private Object pollFirst() {
        Object first = entries[0];
        size--;
        if (size > 0) {
            place(0, entries[size], deadlines[size], sequences[size]);
            siftDown(0);
        }
        entries[size] = null;
        if (first instanceof Task<?> task) {
            tasks.movedInTimerHeap(task, -1);
        }
        return first;
    }

    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            if (isDead(i)) {
                if (entries[i] instanceof TimerHandle timer) {
                    timer.queue = null;
                }
            } else {
                place(live++, entries[i], deadlines[i], sequences[i]);
            }
        }
        Arrays.fill(entries, live, size, null);
        size = live;
        dead = 0;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void place(int index, Object entry, long deadline, int sequence) {
        if (entry instanceof Task<?> task) {
            tasks.movedInTimerHeap(task, index);
        }
        entries[index] = entry;
        deadlines[index] = deadline;
        sequences[index] = sequence;
    }

    /** Whether the entry (deadline1, sequence1) runs before the entry (deadline2, sequence2). */
    private static boolean before(long deadline1, int sequence1, long deadline2, int sequence2) {
        return deadline1 != deadline2 ? deadline1 < deadline2 : sequence1 - sequence2 < 0;
    }

    private void siftUp(int index) {
        Object entry = entries[index];
        long deadline = deadlines[index];
        int sequence = sequences[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(deadline, sequence, deadlines[parent], sequences[parent])) {
                break;
            }
            place(index, entries[parent], deadlines[parent], sequences[parent]);
            index = parent;
        }
        place(index, entry, deadline, sequence);
    }

    private void siftDown(int index) {
        Object entry = entries[index];
        long deadline = deadlines[index];
        int sequence = sequences[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(deadlines[right], sequences[right], deadlines[child], sequences[child])) {
                child = right;
            }
            if (!before(deadlines[child], sequences[child], deadline, sequence)) {
                break;
            }
            place(index, entries[child], deadlines[child], sequences[child]);
            index = child;
        }
        place(index, entry, deadline, sequence);
    }
}
