package dev.jasyncio;

import dev.jasyncio.tasks.Awaitable;

/**
 * A resource whose closing takes time, such as a connection that says goodbye to its peer:
 * asyncio's {@code async with}. In an {@code @Async} method, try-with-resources closes it by
 * awaiting {@link #closeAsync()} on every way out of the block, with suppressed exceptions
 * attached as for any resource:
 *
 * <pre>{@code
 * try (Connection c = await(connect(host))) {
 *     await(c.send(request));
 * }                                   // await(c.closeAsync()) runs here, even if send failed
 * }</pre>
 *
 * <p>It extends {@link AutoCloseable} only so that javac accepts it in the try-with-resources of
 * the blueprint; the generated machine never calls {@link #close()}.
 */
public interface AsyncCloseable extends AutoCloseable {

    /** Starts closing the resource; the returned awaitable completes when it is closed. */
    Awaitable<Void> closeAsync();

    /**
     * Closes the resource when that needs no waiting: {@code await(closeAsync())} as plain code
     * does, which fails if closing would have to wait. Plain code that holds an async resource
     * closes it with {@code await(closeAsync())} from a coroutine instead.
     */
    @Override
    default void close() {
        Jasyncio.await(closeAsync());
    }
}
