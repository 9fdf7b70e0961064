package dev.jasyncio.combinators;

/** When {@code Jasyncio.waitUntil} returns: asyncio's {@code return_when} constants. */
public enum ReturnWhen {
    /** As soon as any future is done. */
    FIRST_COMPLETED,
    /** As soon as any future fails (a cancellation does not count), or when all are done. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
