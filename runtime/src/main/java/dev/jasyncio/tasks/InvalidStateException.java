package dev.jasyncio.tasks;

/**
 * A future was asked for something its state does not allow: its result before it is done, or a
 * second result after it is done. asyncio's {@code InvalidStateError}.
 */
public class InvalidStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }
}
