package io.github.pcqualification.app;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.github.pcqualification.adapter.rest.RestQualificationAdapter;
import io.github.pcqualification.app.observation.AttemptObservationConvention;
import io.github.pcqualification.app.observation.OperationObservationConvention;
import io.github.pcqualification.app.observation.QualificationObservationDocumentation;
import io.github.pcqualification.app.observation.ThrottledWaitObservationConvention;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.RequestGate;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.in.GetQualificationUseCase;
import io.github.pcqualification.domain.port.in.ListCustomerValidationsUseCase;
import io.github.pcqualification.domain.port.in.ListValidationCodesUseCase;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.service.QualificationService;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entry point for embedding: the qualification use cases, wired to Partner Center over REST or to the
 * in-memory fake (or any other implementation of the outbound ports). Thread-safe; {@link #close()} releases the HTTP client's threads and connections.
 *
 * <pre>{@code
 * try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
 *         .partnerCenter(URI.create("https://api.partnercenter.microsoft.com"), tokens::current)
 *         .applicationName("Contoso Platform")
 *         .build()) {
 *     UpdateOutcome outcome = pc.update(QualificationRequest.education(customer));
 *     switch (outcome) { ... }   // Updated, Unchanged, InvalidRequest, Rejected, NotFound, Unavailable
 * }
 * }</pre>
 */
public final class PartnerCenterQualifications
        implements UpdateQualificationUseCase, GetQualificationUseCase, ListValidationCodesUseCase,
        ListCustomerValidationsUseCase, AutoCloseable {

    private final QualificationService service;
    private final Observations observations;
    private final Optional<AutoCloseable> resource;

    private PartnerCenterQualifications(QualificationService service, Observations observations,
            Optional<AutoCloseable> resource) {
        this.service = service;
        this.observations = observations;
        this.resource = resource;
    }

    /**
     * Starts building a client; choose {@link Builder#partnerCenter(URI, Supplier)} or
     * {@link Builder#ports(QualificationPort, ValidationCodePort)}.
     *
     * @return a new builder, synchronous API by default
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UpdateOutcome update(QualificationRequest request) {
        return observations.update(() -> service.update(request));
    }

    @Override
    public GetOutcome get(CustomerId customer) {
        return observations.get(() -> service.get(customer));
    }

    @Override
    public CodesOutcome listValidationCodes() {
        return observations.codes(service::listValidationCodes);
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer) {
        return observations.validations(() -> service.listValidations(customer));
    }

    /**
     * The API this instance updates and reads through.
     *
     * @return the mode chosen with {@link Builder#api(ApiMode)}, synchronous by default
     */
    public ApiMode mode() {
        return service.mode();
    }

    /**
     * Releases the REST adapter's threads and connections; does nothing for ports given with
     * {@link Builder#ports(QualificationPort, ValidationCodePort)}, which the caller owns.
     *
     * @throws IllegalStateException if closing the adapter failed
     */
    @Override
    public void close() {
        resource.ifPresent(r -> {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the Partner Center client failed: " + e.getMessage(), e);
            }
        });
    }

    /** Chooses REST (base URL and token supplier) or the fake, and the API mode. */
    public static final class Builder {

        /** REST options go straight to the adapter's builder, which validates them as they are given. */
        private final RestQualificationAdapter.Builder rest = RestQualificationAdapter.builder();
        private AccessTokenPort tokens;
        private Supplier<String> refreshedToken;
        private QualificationPort ports;
        private ValidationCodePort codePorts;
        private ApiMode mode = ApiMode.SYNCHRONOUS;
        private final Resilience resilience = new Resilience();
        private ObservationRegistry observationRegistry;
        private OperationObservationConvention operationConvention;
        private AttemptObservationConvention attemptConvention;
        private ThrottledWaitObservationConvention waitConvention;

        private Builder() {}

        /**
         * Talk to Partner Center at {@code baseUrl}. {@code token} is called for every request (so a
         * rotating token works) and must return the bearer token without the {@code Bearer } prefix. A
         * supplier that throws, or returns a blank or malformed token, ends the operation as
         * {@link io.github.pcqualification.domain.outcome.AuthenticationFailed}, with nothing sent.
         *
         * @param baseUrl where Partner Center is, such as {@code https://api.partnercenter.microsoft.com};
         *     {@code https}, or {@code http} to a loopback host only
         * @param token gives the current bearer token
         * @return this builder
         * @throws NullPointerException if either is null
         */
        public Builder partnerCenter(URI baseUrl, Supplier<String> token) {
            checkNotNull(token, "token");
            return partnerCenter(baseUrl, new SupplierTokens(token));
        }

        /**
         * Talk to Partner Center at {@code baseUrl} with tokens from {@code tokens}, such as the Secure
         * Application Model source of {@code qualification-auth-msal}, which caches and renews them.
         *
         * @param baseUrl Partner Center's base URL, such as {@code https://api.partnercenter.microsoft.com}
         * @param tokens gives access tokens, asked before every request
         * @return this builder
         */
        public Builder partnerCenter(URI baseUrl, AccessTokenPort tokens) {
            rest.baseUrl(checkNotNull(baseUrl, "baseUrl"));
            this.tokens = checkNotNull(tokens, "tokens");
            return this;
        }

        /**
         * Called once when a token from the supplier given to {@link #partnerCenter(URI, Supplier)} is refused
         * with 401 (default: that supplier again).
         *
         * @param refreshedToken gives a freshly obtained bearer token
         * @return this builder
         * @throws NullPointerException if {@code refreshedToken} is null
         */
        public Builder refreshedToken(Supplier<String> refreshedToken) {
            this.refreshedToken = checkNotNull(refreshedToken, "refreshedToken");
            return this;
        }

        /**
         * Use another implementation of the outbound ports instead of Partner Center over REST: the
         * in-memory fake of {@code qualification-adapter-fake} (for tests and demos), or a platform's own.
         *
         * <pre>{@code
         * InMemoryPartnerCenter fake = new InMemoryPartnerCenter().addCustomer(customer);
         * PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).build();
         * }</pre>
         *
         * @param ports an implementation of both outbound ports
         * @param <P> a type that implements both ports
         * @return this builder
         */
        public <P extends QualificationPort & ValidationCodePort> Builder ports(P ports) {
            checkNotNull(ports, "ports");
            return ports(ports, ports);
        }

        /**
         * Use these implementations of the outbound ports instead of Partner Center over REST.
         *
         * @param qualifications reads and sets qualifications
         * @param codes lists the partner's validation codes
         * @return this builder
         */
        public Builder ports(QualificationPort qualifications, ValidationCodePort codes) {
            this.ports = checkNotNull(qualifications, "qualifications");
            this.codePorts = checkNotNull(codes, "codes");
            return this;
        }

        /**
         * Synchronous (default) or asynchronous qualification API.
         *
         * @param mode the API to update and read through
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder api(ApiMode mode) {
            this.mode = checkNotNull(mode, "mode");
            return this;
        }

        /**
         * Sent as {@code MS-PartnerCenter-Application}.
         *
         * @param applicationName the embedding platform's name, 1 to 256 printable ASCII characters
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, too long or not printable ASCII
         */
        public Builder applicationName(String applicationName) {
            rest.applicationName(applicationName);
            return this;
        }

        /**
         * Sent as {@code X-Locale}, the language of the service's messages.
         *
         * @param locale a language tag such as {@code en-US}
         * @return this builder
         * @throws IllegalArgumentException if {@code locale} does not look like a language tag
         */
        public Builder locale(String locale) {
            rest.locale(locale);
            return this;
        }

        /**
         * The time to open a connection; default 10 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            rest.connectTimeout(timeout);
            return this;
        }

        /**
         * The longest silence while reading or writing; default 30 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            rest.readTimeout(timeout);
            return this;
        }

        /**
         * The bound on one attempt, from connect to the last byte of the answer; default 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder callTimeout(Duration timeout) {
            rest.callTimeout(timeout);
            return this;
        }

        /**
         * How often and how long to retry throttled and transient failures; default
         * {@link RetryPolicy#defaults()}. It applies to every port: Partner Center over REST as much as the ports
         * given with {@link #ports(QualificationPort, ValidationCodePort)}, so the fake behaves as production does.
         *
         * @param policy the retry policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder retryPolicy(RetryPolicy policy) {
            resilience.retryPolicy(policy);
            return this;
        }

        /**
         * How the client waits between attempts; default {@link Sleeper#real()}. Tests pass
         * one that advances a virtual clock (and the same to the fake for its scripted latency), so retries cost no
         * real time.
         *
         * @param sleeper the sleeper
         * @return this builder
         * @throws NullPointerException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            resilience.sleeper(sleeper);
            return this;
        }

        /**
         * The clock an operation's retry deadline and {@code Retry-After} dates are read by; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            resilience.clock(clock);
            rest.clock(clock);
            return this;
        }

        /**
         * Shares one gate (a rate cap, a pause when throttled) among every request of this client, such
         * as a {@link SharedThrottle}: a 429 on one thread then slows all of them. It also applies to
         * ports given with {@link #ports(QualificationPort, ValidationCodePort)}.
         *
         * @param gate the gate
         * @return this builder
         * @throws NullPointerException if {@code gate} is null
         */
        public Builder requestGate(RequestGate gate) {
            resilience.requestGate(gate);
            return this;
        }

        /**
         * Logs requests and answers through SLF4J at debug level, with {@code Authorization} redacted; default
         * off.
         *
         * @param on true to log
         * @return this builder
         */
        public Builder httpLogging(boolean on) {
            rest.httpLogging(on);
            return this;
        }

        /**
         * Observes every call, every attempt and every throttled wait into {@code registry} (see
         * {@link QualificationObservationDocumentation} for the names and keys); default none. Micrometer's
         * {@code micrometer-observation} is an optional dependency: a platform that does not call this method needs
         * none of it on its class path, and nothing of it is loaded.
         *
         * @param registry the platform's registry, such as the one Spring Boot's actuator configures
         * @return this builder
         * @throws NullPointerException if {@code registry} is null
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = checkNotNull(registry, "observationRegistry");
            return this;
        }

        /**
         * Names and keys each call's observation with {@code convention} instead of the default
         * ({@link io.github.pcqualification.app.observation.DefaultOperationObservationConvention}); takes effect with
         * {@link #observationRegistry(ObservationRegistry)}.
         *
         * @param convention the convention for {@code partnercenter.qualification.operation}
         * @return this builder
         * @throws NullPointerException if {@code convention} is null
         */
        public Builder observationConvention(OperationObservationConvention convention) {
            this.operationConvention = checkNotNull(convention, "convention");
            return this;
        }

        /**
         * Names and keys each attempt's observation with {@code convention} instead of the default
         * ({@link io.github.pcqualification.app.observation.DefaultAttemptObservationConvention}); takes effect with
         * {@link #observationRegistry(ObservationRegistry)}.
         *
         * @param convention the convention for {@code partnercenter.qualification.attempt}
         * @return this builder
         * @throws NullPointerException if {@code convention} is null
         */
        public Builder observationConvention(AttemptObservationConvention convention) {
            this.attemptConvention = checkNotNull(convention, "convention");
            return this;
        }

        /**
         * Names and keys each throttled wait's observation with {@code convention} instead of the default
         * ({@link io.github.pcqualification.app.observation.DefaultThrottledWaitObservationConvention}); takes effect
         * with {@link #observationRegistry(ObservationRegistry)}.
         *
         * @param convention the convention for {@code partnercenter.qualification.throttled}
         * @return this builder
         * @throws NullPointerException if {@code convention} is null
         */
        public Builder observationConvention(ThrottledWaitObservationConvention convention) {
            this.waitConvention = checkNotNull(convention, "convention");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a new client; close it when done
         * @throws IllegalStateException if neither or both of REST and other ports were chosen
         * @throws IllegalArgumentException if the base URL is refused (plain http to a non-loopback host)
         */
        public PartnerCenterQualifications build() {
            checkState(tokens != null || ports != null, "choose partnerCenter(baseUrl, tokens) or ports(...)");
            checkState(tokens == null || ports == null, "choose either partnerCenter(...) or ports(...), not both");
            // Micrometer is touched only when a registry was given: it is an optional dependency.
            Observations observations = observationRegistry == null ? Observations.none()
                    : MicrometerObservations.create(observationRegistry, mode, operationConvention, attemptConvention,
                            waitConvention);
            if (ports != null) {
                return new PartnerCenterQualifications(service(resilience.over(ports, codePorts, observations)),
                        observations, Optional.empty());
            }
            AccessTokenPort chosen = tokens instanceof SupplierTokens supplier && refreshedToken != null
                    ? AccessTokenPort.of(supplier.token, refreshedToken) : tokens;
            RestQualificationAdapter adapter = rest.accessTokens(chosen).build();
            return new PartnerCenterQualifications(service(resilience.over(adapter, adapter, observations)),
                    observations, Optional.of(adapter));
        }

        private QualificationService service(ResilientPorts ports) {
            return new QualificationService(ports, ports, mode);
        }

        /** The resilience settings, kept until the ports are known (a builder of the decorator needs them). */
        private static final class Resilience {
            private RetryPolicy policy = RetryPolicy.defaults();
            private RequestGate gate = RequestGate.open();
            private Sleeper sleeper = Sleeper.real();
            private Clock clock = Clock.systemUTC();

            void retryPolicy(RetryPolicy policy) {
                this.policy = checkNotNull(policy, "retryPolicy");
            }

            void requestGate(RequestGate gate) {
                this.gate = checkNotNull(gate, "gate");
            }

            void sleeper(Sleeper sleeper) {
                this.sleeper = checkNotNull(sleeper, "sleeper");
            }

            void clock(Clock clock) {
                this.clock = checkNotNull(clock, "clock");
            }

            /** The retries over the ports, each call of the ports under them observed as one attempt. */
            ResilientPorts over(QualificationPort qualifications, ValidationCodePort codes, Observations observations) {
                return ResilientPorts.over(observations.attemptsOf(qualifications), observations.attemptsOf(codes))
                        .retryPolicy(policy).requestGate(observations.waits(gate))
                        .sleeper(observations.waits(sleeper)).clock(clock).build();
            }
        }

        private static final class SupplierTokens implements AccessTokenPort {
            private final Supplier<String> token;
            private final AccessTokenPort port;

            SupplierTokens(Supplier<String> token) {
                this.token = token;
                this.port = AccessTokenPort.of(token);
            }

            @Override
            public TokenOutcome currentToken() {
                return port.currentToken();
            }

            @Override
            public String toString() {
                return "AccessTokenPort[supplier, tokens redacted]";
            }
        }
    }
}
