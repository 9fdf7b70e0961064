package dev.jasyncio.testing;

import dev.jasyncio.tasks.Coroutine;
import java.util.function.Supplier;

/**
 * A chain of nested awaits: {@code new Chain(n, leaf)} awaits a chain one shorter, down to depth 0,
 * which awaits the leaf; each level adds one to the value on the way back, so a chain of depth n
 * over a leaf that returns v returns v + n. Each level is created only when its parent runs.
 */
public final class Chain extends Coroutine<Integer> {

    private final int depth;
    private final Supplier<? extends Coroutine<Integer>> leaf;

    public Chain(int depth, Supplier<? extends Coroutine<Integer>> leaf) {
        this.depth = depth;
        this.leaf = leaf;
    }

    @Override
    protected Object step() {
        if (label == 0) {
            label = 1;
            Coroutine<Integer> child = depth == 0 ? leaf.get() : new Chain(depth - 1, leaf);
            if (awaitSuspends(child)) {
                return SUSPENDED;
            }
        }
        int below = resumeValue();
        return depth == 0 ? below : below + 1;
    }
}
