package dev.jasyncio.combinators;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code Jasyncio.waitUntil} gives: the futures that are done and those still pending, each
 * in the order they were passed. asyncio's {@code (done, pending)} pair.
 *
 * @param <F> the type of the futures
 */
public record DoneAndPending<F>(Set<F> done, Set<F> pending) {

    /** Keeps unmodifiable copies that remember the order of {@code done} and {@code pending}. */
    public DoneAndPending {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}
