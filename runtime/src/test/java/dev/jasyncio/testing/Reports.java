package dev.jasyncio.testing;

import dev.jasyncio.loop.EventLoop;
import dev.jasyncio.loop.ExceptionContext;
import dev.jasyncio.loop.ExceptionHandler;
import java.util.ArrayList;
import java.util.List;

/** An exception handler that keeps what the loop reports, for tests to look at. */
public final class Reports implements ExceptionHandler {

    private final List<ExceptionContext> contexts = new ArrayList<>();

    /** Installs a new collector on {@code loop}. */
    public static Reports on(EventLoop loop) {
        Reports reports = new Reports();
        loop.setExceptionHandler(reports);
        return reports;
    }

    @Override
    public void handle(EventLoop loop, ExceptionContext context) {
        contexts.add(context);
    }

    public List<ExceptionContext> contexts() {
        return contexts;
    }
}
