/**
 * Synchronisation primitives for tasks on one event loop, after asyncio's: {@link dev.jasyncio.sync.Lock},
 * {@link dev.jasyncio.sync.Event}, {@link dev.jasyncio.sync.Condition}, {@link dev.jasyncio.sync.Semaphore},
 * {@link dev.jasyncio.sync.BoundedSemaphore} and {@link dev.jasyncio.sync.Barrier}.
 *
 * <p>Every operation that may wait returns an {@code Awaitable} to {@code await}: complete already
 * when the operation could be done at once, otherwise a coroutine that waits in a first-come,
 * first-served line ({@link dev.jasyncio.sync.Waiters}, one {@link dev.jasyncio.sync.Turn} per
 * wait). What a waiter waits for is handed to it directly, so nobody can overtake it, and a waiter
 * that is cancelled gives back whatever it was handed. Acquiring gives a
 * {@link dev.jasyncio.sync.Held}, which releases on {@code close()} for try-with-resources.
 *
 * <p>Like everything on an event loop, the primitives may only be used on their loop's thread.
 */
package dev.jasyncio.sync;
