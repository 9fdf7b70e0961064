package dev.jasyncio.processor.differential;

import dev.jasyncio.Jasyncio;
import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.tasks.Coroutine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one blueprint {@code static Coroutine<?> name(Probe p)} both ways: (a) the blueprint
 * itself, called as plain Java with a {@link Probe#plain plain} probe, whose awaits all find their
 * value complete; (b) its companion's machine on a new event loop with a
 * {@link Probe#suspending suspending} probe, where every await suspends to the loop.
 *
 * <p>Both runs happen on a worker thread with a time limit, so a machine that never finishes fails
 * the comparison instead of hanging the build.
 */
public final class TwoWayRun implements AutoCloseable {

    private static final long LIMIT_SECONDS = 20;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "two-way-run");
        thread.setDaemon(true);
        return thread;
    });

    /** Both runs' observations. */
    public record Comparison(Observation plain, Observation machine) {
        /** True when the two runs could not be told apart. */
        public boolean agrees() {
            return plain.equals(machine);
        }

        @Override
        public String toString() {
            return "blueprint as plain Java: " + plain + "\nstate machine on the loop: " + machine;
        }
    }

    /** Runs {@code className.method(Probe)} both ways; the class and its companion come from {@code loader}. */
    public Comparison run(ClassLoader loader, String className, String method) {
        int dot = className.lastIndexOf('.');
        String companion = className.substring(0, dot + 1) + className.substring(dot + 1).replace('$', '_') + "Async";
        Observation plain = limited(() -> plainRun(loader, className, method));
        Observation machine = limited(() -> machineRun(loader, companion, method));
        return new Comparison(plain, machine);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private Observation limited(Callable<Observation> run) {
        Future<Observation> outcome = worker.submit(run);
        try {
            return outcome.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return new Observation("did not finish within " + LIMIT_SECONDS + " s", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run itself failed", e.getCause());
        }
    }

    private static Observation plainRun(ClassLoader loader, String className, String method) throws Exception {
        Probe probe = Probe.plain();
        try {
            Coroutine<?> blueprint = (Coroutine<?>) entry(loader, className, method).invoke(null, probe);
            return Observation.returned(Jasyncio.await(blueprint), probe);
        } catch (InvocationTargetException e) {
            return Observation.threw(e.getCause(), probe);
        } catch (Throwable e) { // await rethrows what the blueprint threw as is, checked or not
            return Observation.threw(e, probe);
        }
    }

    private static Observation machineRun(ClassLoader loader, String companion, String method) throws Exception {
        Probe probe = Probe.suspending();
        Coroutine<?> machine = (Coroutine<?>) entry(loader, companion, method).invoke(null, probe);
        try {
            return Observation.returned(EventLoop.run(machine), probe);
        } catch (Throwable e) { // EventLoop.run rethrows what the machine threw as is, checked or not
            return Observation.threw(e, probe);
        }
    }

    private static Method entry(ClassLoader loader, String className, String method) throws ReflectiveOperationException {
        Method entry = loader.loadClass(className).getDeclaredMethod(method, Probe.class);
        entry.setAccessible(true);
        return entry;
    }
}
