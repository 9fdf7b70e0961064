package dev.jasyncio.loop;

/**
 * Receives the exceptions that no caller can receive: those thrown by loop callbacks and those of
 * tasks whose failure nobody retrieved. Set with {@link EventLoop#setExceptionHandler}.
 */
@FunctionalInterface
public interface ExceptionHandler {

    /** Handles one report; runs on the loop thread. */
    void handle(EventLoop loop, ExceptionContext context);
}
