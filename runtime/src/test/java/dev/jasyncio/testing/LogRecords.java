package dev.jasyncio.testing;

import dev.jasyncio.loop.EventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what the runtime logs through its {@code System.Logger} (java.util.logging by default)
 * while open, for tests to look at.
 */
public final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(EventLoop.LOGGER_NAME);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean parentHandlersWereUsed = logger.getUseParentHandlers();

    private LogRecords() {}

    /** Starts keeping the runtime's log records, instead of printing them. */
    public static LogRecords capture() {
        LogRecords capture = new LogRecords();
        capture.logger.addHandler(capture);
        capture.logger.setUseParentHandlers(false);
        return capture;
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(parentHandlersWereUsed);
    }
}
