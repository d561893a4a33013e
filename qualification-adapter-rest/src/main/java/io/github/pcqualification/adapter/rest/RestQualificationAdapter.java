package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.pcqualification.domain.LibraryVersion;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.Outcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Adapter: the qualification ports over Partner Center REST. Thread-safe.
 *
 * <p>Every request carries {@code Authorization: Bearer}, {@code Accept: application/json},
 * {@code MS-CorrelationId} and {@code MS-RequestId} of the operation (the same on every retry),
 * {@code MS-Contract-Version: v1} and, when configured, {@code MS-PartnerCenter-Application} and
 * {@code X-Locale}. Remote failures never throw: they are {@link Failure} outcomes, classified once, in one
 * place ({@code ErrorTranslation}). Each call is one attempt (repeated once with a renewed token after a
 * {@code 401}); retries, backoff and throttling are the domain's {@code ResilientPorts}, which decorates this adapter
 * as it decorates any port. Callers pass requests that met the request rules; a request that breaks them is sent
 * as it is and answered as the service answers it. Close it to release its threads and connections.
 */
public final class RestQualificationAdapter implements QualificationPort, ValidationCodePort, AutoCloseable {

    private static final String SYNC_VALUE = "a bare JSON string naming the qualification, such as \"education\"";
    private static final String QUALIFICATIONS = "a qualification object, {\"qualifications\":[...]} or an array of them";
    private static final String CODES = "a JSON array of validation codes";
    private static final String VALIDATIONS = "a JSON array of the customer's validations, each with a validationId";

    static final String REDACTED = Redaction.REDACTED;
    static final String USER_AGENT = UserAgent.of(LibraryVersion.current(), System.getProperty("java.version", "unknown"),
            System.getProperty("os.name", "unknown") + " " + System.getProperty("os.arch", ""));

    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final PartnerCenterApi api;
    private final Map<String, String> fixedHeaders;
    private final Authorizing authorizing;
    private final Exchange exchange;
    private final ErrorTranslation translation;
    private final WireFormat wire;
    private final Tokens tokens;

    private RestQualificationAdapter(Builder b) {
        this.baseUrl = BaseUrl.validated(checkNotNull(b.baseUrl, "baseUrl is required"));
        this.wire = new WireFormat();
        Tokens tokens = new Tokens(b.accessTokens);
        this.tokens = tokens;
        this.translation = new ErrorTranslation(b.clock, wire);
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // the retry loop counts every request; OkHttp must not add silent ones
                .retryOnConnectionFailure(false)
                // a redirect would carry the request elsewhere; Partner Center does not redirect
                .followRedirects(false)
                .followSslRedirects(false);
        if (b.httpLogging) {
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(
                    new HttpLogging.RedactingLogger(b.httpLogger, tokens::recent));
            logging.redactHeader("Authorization");
            logging.setLevel(HttpLoggingInterceptor.Level.BODY);
            http.addInterceptor(logging);
        }
        // after (inside) the logger, so the logger never reads more than the limit either
        http.addInterceptor(new ResponseSizeLimit(b.maxResponseBytes));
        this.client = http.build();
        this.api = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(client)
                .validateEagerly(true)
                .build()
                .create(PartnerCenterApi.class);
        ImmutableMap.Builder<String, String> headers = ImmutableMap.<String, String>builder()
                .put("Accept", "application/json")
                .put("User-Agent", USER_AGENT)
                .put("MS-Contract-Version", "v1");
        if (b.applicationName != null) {
            headers.put("MS-PartnerCenter-Application", b.applicationName);
        }
        if (b.locale != null) {
            headers.put("X-Locale", b.locale);
        }
        this.fixedHeaders = headers.buildOrThrow();
        this.authorizing = new Authorizing(tokens);
        this.exchange = new Exchange(translation, tokens);
    }

    /**
     * Starts building an adapter; {@link Builder#baseUrl(URI)} and {@link Builder#accessTokens(AccessTokenPort)} are
     * required.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        String customer = request.customer().toString();
        String code = request.validationCode().map(ValidationCode::value).orElse(null);
        okhttp3.RequestBody body = wire.syncBody(request.qualification());
        return send(context, Authorizing.Access.UPDATE, OutcomeFamily.UPDATE,
                token -> api.setQualification(customer, code, body, headers(token, context)),
                (status, text) -> wire.parseSyncValue(text)
                        // an answer naming another value contradicts the request: not a success
                        .filter(value -> value.is(request.qualification()))
                        .<UpdateOutcome>map(value -> new Updated(request.customer(), CustomerQualification.of(value), context))
                        .orElseGet(() -> translation.malformed(status, text, requested(request), context)));
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        String customer = request.customer().toString();
        okhttp3.RequestBody body = wire.asyncBody(request);
        return send(context, Authorizing.Access.UPDATE, OutcomeFamily.UPDATE,
                token -> api.requestQualification(customer, body, headers(token, context)),
                (status, text) -> wire.parseQualifications(text)
                        .flatMap(list -> pick(list, request))
                        .<UpdateOutcome>map(q -> new Updated(request.customer(), q, context))
                        .orElseGet(() -> translation.malformed(status, text,
                                QUALIFICATIONS + " naming " + request.qualification().wireName(), context)));
    }

    /** What a sync update must answer: the value requested. */
    private static String requested(QualificationRequest request) {
        return "the value requested, \"" + request.qualification().wireName() + "\"";
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return send(context, Authorizing.Access.READ, OutcomeFamily.GET,
                token -> api.getQualification(customer.toString(), headers(token, context)),
                (status, text) -> wire.parseSyncValue(text)
                        .<GetOutcome>map(value -> new Found(customer, List.of(CustomerQualification.of(value)), context))
                        .orElseGet(() -> translation.malformed(status, text, SYNC_VALUE, context)));
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return send(context, Authorizing.Access.READ, OutcomeFamily.GET,
                token -> api.getQualifications(customer.toString(), headers(token, context)),
                (status, text) -> wire.parseQualifications(text)
                        .<GetOutcome>map(list -> new Found(customer, list, context))
                        .orElseGet(() -> translation.malformed(status, text, QUALIFICATIONS, context)));
    }

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        checkNotNull(context, "context");
        return send(context, Authorizing.Access.READ, OutcomeFamily.CODES,
                token -> api.listValidationCodes(headers(token, context)),
                (status, text) -> wire.parseCodes(text)
                        .<CodesOutcome>map(codes -> new CodesListed(codes, context))
                        .orElseGet(() -> translation.malformed(status, text, CODES, context)));
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        return send(context, Authorizing.Access.READ, OutcomeFamily.VALIDATIONS,
                token -> api.listValidations(customer.toString(), headers(token, context)),
                (status, text) -> wire.parseValidations(text, customer)
                        .<ValidationsOutcome>map(list -> new ValidationsListed(customer, list, context))
                        .orElseGet(() -> translation.malformed(status, text, VALIDATIONS, context)));
    }

    /** One attempt of an operation: tokens and the {@code 401} renewal by {@link Authorizing}, one request each. */
    private <O extends Outcome> O send(OperationContext context, Authorizing.Access access, OutcomeFamily<O> family,
            Function<String, Call<ResponseBody>> call, Exchange.SuccessReader<O> onSuccess) {
        return authorizing.attempt(context, access,
                token -> exchange.send(token, call.apply(token), context, onSuccess, family), family::of);
    }

    /** Releases OkHttp's threads and pooled connections; calling it again does nothing. Do not use the adapter after. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Names the endpoint only: never the token. */
    @Override
    public String toString() {
        return "RestQualificationAdapter[" + baseUrl + "]";
    }

    private Map<String, String> headers(String token, OperationContext context) {
        return ImmutableMap.<String, String>builder()
                .put("Authorization", "Bearer " + token)
                .putAll(fixedHeaders)
                .put("MS-CorrelationId", context.correlationId().toString())
                .put("MS-RequestId", context.requestId().toString())
                .buildOrThrow();
    }

    /**
     * The answered entry for the requested qualification; none when the answer names only others (an answer that
     * contradicts the request is not a success).
     */
    private static Optional<CustomerQualification> pick(List<CustomerQualification> answered, QualificationRequest request) {
        ReportedQualification wanted = ReportedQualification.of(request.qualification());
        return answered.stream().filter(q -> q.qualification().equals(wanted)).findFirst();
    }

    /** Builds a {@link RestQualificationAdapter}; not thread-safe, use once. */
    public static final class Builder {

        private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

        private @Nullable URI baseUrl;
        private @Nullable AccessTokenPort accessTokens;
        private @Nullable String applicationName;
        private @Nullable String locale;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private boolean httpLogging;
        private long maxResponseBytes = 1024 * 1024;
        private HttpLoggingInterceptor.Logger httpLogger = new HttpLogging.Slf4jHttpLogger();

        private Builder() {}

        /**
         * Required: where Partner Center is. Checked by {@link #build()}.
         *
         * @param baseUrl an {@code https} URL, or {@code http} to a loopback host only, without credentials,
         *     query or fragment; may carry a path prefix
         * @return this builder
         * @throws NullPointerException if {@code baseUrl} is null
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = checkNotNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Required: where bearer tokens come from, asked before each request (and for a renewed one after a
         * {@code 401}). A credential problem it reports ends the operation as
         * {@link io.github.pcqualification.domain.outcome.AuthenticationFailed}, with nothing sent.
         *
         * @param tokens the token source
         * @return this builder
         * @throws NullPointerException if {@code tokens} is null
         */
        public Builder accessTokens(AccessTokenPort tokens) {
            this.accessTokens = checkNotNull(tokens, "accessTokens");
            return this;
        }

        /**
         * Optional {@code MS-PartnerCenter-Application}: the embedding platform's name.
         *
         * @param name 1 to 256 printable ASCII characters, sent with surrounding spaces removed
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is blank, too long or not printable ASCII
         */
        public Builder applicationName(String name) {
            checkNotNull(name, "applicationName");
            checkArgument(!name.isBlank() && name.length() <= 256 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
                    "applicationName must be 1 to 256 printable ASCII characters, got '%s'",
                    Printable.shorten(name));
            this.applicationName = name.strip();
            return this;
        }

        /**
         * Optional {@code X-Locale}, the language of the service's messages.
         *
         * @param locale a language tag such as {@code en-US}
         * @return this builder
         * @throws NullPointerException if {@code locale} is null
         * @throws IllegalArgumentException if {@code locale} does not look like a language tag
         */
        public Builder locale(String locale) {
            checkNotNull(locale, "locale");
            checkArgument(LOCALE.matcher(locale).matches(), "locale must look like en-US, got '%s'",
                    Printable.shorten(locale));
            this.locale = locale;
            return this;
        }

        /**
         * Time to open a connection; default 10 s.
         *
         * @param d a positive duration
         * @return this builder
         * @throws NullPointerException if {@code d} is null
         * @throws IllegalArgumentException if {@code d} is zero or negative
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * Longest silence while reading or writing; default 30 s.
         *
         * @param d a positive duration
         * @return this builder
         * @throws NullPointerException if {@code d} is null
         * @throws IllegalArgumentException if {@code d} is zero or negative
         */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        /**
         * Time for one whole attempt; default 60 s.
         *
         * @param d a positive duration
         * @return this builder
         * @throws NullPointerException if {@code d} is null
         * @throws IllegalArgumentException if {@code d} is zero or negative
         */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive(d, "callTimeout");
            return this;
        }

        /**
         * The clock {@code Retry-After} dates are read by; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = checkNotNull(clock, "clock");
            return this;
        }

        /**
         * Logs requests and answers (at DEBUG, through SLF4J) with {@code Authorization} redacted; default off.
         *
         * @param on true to log
         * @return this builder
         */
        public Builder httpLogging(boolean on) {
            this.httpLogging = on;
            return this;
        }

        /**
         * Answers larger than this are refused unread; default 1 MiB.
         *
         * @param bytes the largest answer body read, in bytes
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder maxResponseBytes(long bytes) {
            checkArgument(bytes > 0, "maxResponseBytes must be positive, got %s", bytes);
            this.maxResponseBytes = bytes;
            return this;
        }

        /** For tests: where HTTP logging goes. */
        Builder httpLogger(HttpLoggingInterceptor.Logger logger) {
            this.httpLogger = checkNotNull(logger, "httpLogger");
            return this;
        }

        /**
         * Builds the adapter; close it when done.
         *
         * @return a new adapter with this builder's settings
         * @throws NullPointerException if the base URL or the token source is missing
         * @throws IllegalArgumentException if the base URL is not https (or http to a loopback host)
         */
        public RestQualificationAdapter build() {
            checkNotNull(baseUrl, "baseUrl is required");
            checkNotNull(accessTokens, "accessTokens is required");
            return new RestQualificationAdapter(this);
        }

        private static Duration positive(Duration d, String name) {
            checkNotNull(d, name);
            checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, got %s", name, d);
            return d;
        }
    }

}
