package dev.jasyncio.tasks;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.SwitchPoint;
import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Debug mode's watch over coroutines that are created and never awaited, asyncio's "coroutine ...
 * was never awaited": while watching is on, each new coroutine records where it was created, and
 * if it is garbage-collected without having started, that place is reported through the exception
 * handler of the loop that was running where it was created, if that loop is in debug mode (a
 * loop that is not did not ask for the report). A coroutine created outside any loop, or whose loop
 * closed, is logged instead when {@code -Djasyncio.debug=true} is set.
 *
 * <p>Watching is off unless {@code -Djasyncio.debug=true} is set or a loop entered debug mode; then
 * a coroutine created on a loop in debug mode pays for a stack trace and a map entry, and one
 * created elsewhere for a look-up of the running loop. Off, it costs nothing: the flag is a
 * {@link SwitchPoint}, which compiled code takes as the constant false until watching starts and the
 * code is recompiled, where a volatile flag, read at every coroutine's creation and start, cost a
 * deep chain of awaits about a tenth of its time.
 */
final class CoroutineWatch implements Runnable {

    static final String MESSAGE = "Coroutine was never awaited";

    private static final boolean DEBUG_PROPERTY = Boolean.getBoolean("jasyncio.debug");

    private static final SwitchPoint NOT_WATCHING = new SwitchPoint();

    private static final MethodHandle WATCHING = NOT_WATCHING.guardWithTest(
            MethodHandles.constant(boolean.class, false), MethodHandles.constant(boolean.class, true));

    static {
        if (DEBUG_PROPERTY) {
            start();
        }
    }

    private static final Map<Coroutine<?>, CoroutineWatch> WATCHED = Collections.synchronizedMap(new WeakHashMap<>());

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final String coroutine;
    private final Throwable creationSite;
    private final EventLoop loop;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean started;

    private CoroutineWatch(Coroutine<?> coroutine, EventLoop loop) {
        this.coroutine = coroutine.getClass().getName();
        this.creationSite = new Throwable("the coroutine was created here");
        this.loop = loop;
        this.cleanable = CleanerHolder.CLEANER.register(coroutine, this);
    }

    static void start() {
        if (!NOT_WATCHING.hasBeenInvalidated()) {
            SwitchPoint.invalidateAll(new SwitchPoint[] {NOT_WATCHING});
        }
    }

    private static boolean watching() {
        try {
            return (boolean) WATCHING.invokeExact();
        } catch (Throwable impossible) {
            throw new AssertionError("a constant method handle threw", impossible);
        }
    }

    /**
     * Called by every coroutine's constructor: records the creation place if the loop running here
     * is in debug mode (or, outside any loop, if the debug property is set).
     */
    static void created(Coroutine<?> coroutine) {
        if (watching()) {
            EventLoop loop = runningLoop();
            if (loop != null ? loop.isDebug() : DEBUG_PROPERTY) {
                WATCHED.put(coroutine, new CoroutineWatch(coroutine, loop));
            }
        }
    }

    /** Called when a task or an await starts {@code coroutine}. */
    static void started(Coroutine<?> coroutine) {
        if (watching()) {
            CoroutineWatch watch = WATCHED.remove(coroutine);
            if (watch != null) {
                watch.started = true;
                watch.cleanable.clean();
            }
        }
    }

    /** The coroutine was collected (the cleaner's thread): report it unless it started. */
    @Override
    public void run() {
        if (started) {
            return;
        }
        ExceptionContext context = new ExceptionContext(MESSAGE + ": " + coroutine, creationSite, coroutine);
        if (loop != null) {
            try {
                loop.callSoonThreadsafe(() -> {
                    if (loop.isDebug()) {
                        loop.callExceptionHandler(context);
                    }
                });
                return;
            } catch (IllegalStateException closed) {
                // The loop is closed: nobody will run its handler any more, so log instead.
            }
        }
        if (DEBUG_PROPERTY) {
            System.getLogger(EventLoop.LOGGER_NAME).log(System.Logger.Level.WARNING, context.message(), creationSite);
        }
    }

    private static EventLoop runningLoop() {
        try {
            return EventLoop.getRunningLoop();
        } catch (IllegalStateException none) {
            return null;
        }
    }
}
