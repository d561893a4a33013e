package io.github.pcqualification.adapter.rest;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.LoggerFactory;

/** The HTTP log: OkHttp's logging interceptor writes through these, never a token. */
final class HttpLogging {

    private HttpLogging() {}

    /**
     * Cuts bearer credentials and JWTs out of every logged line: {@code redactHeader} covers the
     * request's own header, this covers an answer that echoes it.
     */
    static final class RedactingLogger implements HttpLoggingInterceptor.Logger {
        private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9\\-._~+/]+=*");
        private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

        private final HttpLoggingInterceptor.Logger delegate;
        private final Supplier<List<String>> tokens;

        RedactingLogger(HttpLoggingInterceptor.Logger delegate, Supplier<List<String>> tokens) {
            this.delegate = delegate;
            this.tokens = tokens;
        }

        @Override
        public void log(String message) {
            String text = Redaction.of(tokens.get()).apply(message);
            text = BEARER.matcher(text).replaceAll("$1" + Redaction.REDACTED);
            delegate.log(JWT.matcher(text).replaceAll(Redaction.REDACTED));
        }
    }

    /** HTTP logging into SLF4J at DEBUG. */
    static final class Slf4jHttpLogger implements HttpLoggingInterceptor.Logger {
        private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.github.pcqualification.adapter.rest.http");

        @Override
        public void log(String message) {
            LOG.debug("{}", message);
        }
    }
}
