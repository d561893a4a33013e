package io.github.pcqualification.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Test support (shipped in the domain's test-jar): an SLF4J binding that, while a capture is open, formats and
 * keeps every log line of every level, so tests can prove what the library logs through SLF4J itself; otherwise
 * every level is off and nothing is formatted.
 *
 * <p>The test-jar does not register it, so it binds nowhere by itself: a module whose tests capture logs names it
 * in its own {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 */
public final class CapturingSlf4jProvider implements SLF4JServiceProvider {

    private static final List<String> LINES = new ArrayList<>();
    private static volatile boolean capturing;

    private final ILoggerFactory loggers = new ILoggerFactory() {
        private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, CapturingLogger::new);
        }
    };
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** SLF4J makes it, through {@link java.util.ServiceLoader}. */
    public CapturingSlf4jProvider() {}

    /** Starts keeping lines (clearing what an earlier capture kept). */
    public static void start() {
        synchronized (LINES) {
            LINES.clear();
        }
        capturing = true;
    }

    /**
     * Stops keeping lines.
     *
     * @return the lines kept since {@link #start()}, each {@code LEVEL logger message [throwable]}
     */
    public static List<String> stop() {
        capturing = false;
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    /**
     * The loggers, one per name.
     *
     * @return the factory of capturing loggers
     */
    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    /**
     * SLF4J's basic markers.
     *
     * @return the marker factory
     */
    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    /**
     * No MDC: nothing is kept.
     *
     * @return a no-op MDC adapter
     */
    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    /**
     * The SLF4J API this binding is written for.
     *
     * @return {@code 2.0.99}
     */
    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** Nothing to set up. */
    @Override
    public void initialize() {
        // nothing to set up
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            if (!capturing) {
                return;
            }
            String line = level + " " + name + " " + MessageFormatter.basicArrayFormat(pattern, arguments)
                    + (throwable == null ? "" : " " + throwable);
            synchronized (LINES) {
                LINES.add(line);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return capturing;
        }

        @Override
        public boolean isDebugEnabled() {
            return capturing;
        }

        @Override
        public boolean isInfoEnabled() {
            return capturing;
        }

        @Override
        public boolean isWarnEnabled() {
            return capturing;
        }

        @Override
        public boolean isErrorEnabled() {
            return capturing;
        }
    }
}
