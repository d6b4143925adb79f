package io.ringtrader.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the lines a logger (by default the feed's, {@code io.ringtrader.feed}) logs while open, as
 * "LEVEL message". The loggers are asynchronous: lines arrive on Log4j's thread, so poll.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerConfig config;

    LogCapture() {
        this(RejectLog.LOG.getName());
    }

    /** Collects what {@code loggerName} (and the loggers below it without a configuration of their own) logs. */
    public LogCapture(String loggerName) {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        config = context.getConfiguration().getLoggerConfig(loggerName);
        start();
        config.addAppender(this, Level.ALL, null);
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        config.removeAppender(getName());
        stop();
    }
}
