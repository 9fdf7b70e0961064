package dev.jasyncio.tasks;

/**
 * The state a task rarely needs, kept out of {@link Task} so that the common task (unnamed, never
 * cancelled, never timed out, never failed) stays small: allocated the first time one of these is
 * set.
 */
final class TaskDetails {

    /** The name given with {@link Task#setName}, or null for the default {@code Task-<number>}. */
    String name;

    /** Cancellations requested and not withdrawn, asyncio's {@code cancelling()}. */
    int cancelRequests;

    /**
     * Set when a cancellation could not be passed on to a future: the next step delivers it, with
     * {@link #cancelMessage}.
     */
    boolean mustCancel;

    /** The message of the last cancellation requested. */
    String cancelMessage;

    /**
     * The outermost of the task's timeout scopes that expired and whose expiry is not delivered
     * yet, and how many such scopes there are (each made one cancellation request).
     */
    Timeout expired;
    int expiredCount;

    /** Watches the failure of a failed task until someone retrieves it; null otherwise. */
    LostFailure lostFailure;
}
