package dev.jasyncio.sync;

/**
 * What awaiting {@code acquire()} gives: proof that the current task holds a {@link Lock}, a
 * {@link Semaphore} permit or a {@link Condition}'s lock, and the means to release it. It is an
 * {@link AutoCloseable} whose {@link #close()} releases at once, as {@code release()} does, so a
 * try-with-resources statement releases on every way out of its block, exceptions and
 * cancellation included:
 *
 * <pre>{@code
 * try (Held held = await(lock.acquire())) {
 *     counter = await(read()) + 1;
 * }
 * }</pre>
 *
 * <p>Each primitive has one {@code Held}, so acquiring allocates nothing; closing it twice
 * releases twice.
 */
@FunctionalInterface
public interface Held extends AutoCloseable {

    /** Releases what was acquired. */
    @Override
    void close();
}
