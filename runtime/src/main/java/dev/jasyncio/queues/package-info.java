/**
 * Queues between tasks on one event loop, after asyncio's: {@link dev.jasyncio.queues.Queue}
 * (first in, first out), {@link dev.jasyncio.queues.LifoQueue} and
 * {@link dev.jasyncio.queues.PriorityQueue}, with back-pressure on a bounded capacity, work
 * tracking ({@code taskDone}/{@code join}) and shutdown. They are built on the waiting lines of
 * {@link dev.jasyncio.sync}, so they are fair and survive cancelled waiters the same way.
 */
package dev.jasyncio.queues;
