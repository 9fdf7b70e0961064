package dev.jasyncio.tasks;

/**
 * Something an {@code @Async} method can {@code await}: a {@link Coroutine} (a lazy computation
 * that the awaiting task runs as a new frame of its chain) or an {@link AsyncFuture} (a result
 * that someone else will set).
 *
 * <p>The interface is sealed because the task that drives coroutines treats exactly these two kinds
 * differently; every other awaitable thing is bridged to a future first (a {@code CompletionStage}
 * through {@link AsyncFuture#fromStage}).
 *
 * @param <T> the type of the value the await produces
 */
public sealed interface Awaitable<T> permits Coroutine, AsyncFuture {}
