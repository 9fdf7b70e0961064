package dev.jasyncio.loop;

/**
 * What went wrong, as an event loop hands it to its {@link ExceptionHandler}: the counterpart of
 * asyncio's exception-handler context dictionary.
 *
 * @param message what happened, for a person to read
 * @param exception the exception, or null when there is none (a task abandoned while pending)
 * @param source what it happened in (a callback, a handle, a task), or null
 */
public record ExceptionContext(String message, Throwable exception, Object source) {}
