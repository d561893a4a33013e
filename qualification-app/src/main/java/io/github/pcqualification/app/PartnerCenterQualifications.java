package io.github.pcqualification.app;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.rest.RequestGate;
import io.github.pcqualification.adapter.rest.RestQualificationAdapter;
import io.github.pcqualification.adapter.rest.RetryPolicy;
import io.github.pcqualification.adapter.rest.TokenSource;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.port.in.GetQualificationUseCase;
import io.github.pcqualification.domain.port.in.ListValidationCodesUseCase;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.service.QualificationService;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entry point for embedding: the qualification use cases, wired to Partner Center over REST or to the
 * in-memory fake. Thread-safe; {@link #close()} releases the HTTP client's threads and connections.
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
        implements UpdateQualificationUseCase, GetQualificationUseCase, ListValidationCodesUseCase, AutoCloseable {

    private final QualificationService service;
    private final Optional<AutoCloseable> resource;

    private PartnerCenterQualifications(QualificationService service, Optional<AutoCloseable> resource) {
        this.service = service;
        this.resource = resource;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UpdateOutcome update(QualificationRequest request) {
        return service.update(request);
    }

    @Override
    public GetOutcome get(CustomerId customer) {
        return service.get(customer);
    }

    @Override
    public CodesOutcome listValidationCodes() {
        return service.listValidationCodes();
    }

    /** The API this instance updates and reads through. */
    public ApiMode mode() {
        return service.mode();
    }

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

        private URI baseUrl;
        private Supplier<String> token;
        private Supplier<String> refreshedToken;
        private InMemoryPartnerCenter fake;
        private String applicationName;
        private String locale;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy;
        private boolean httpLogging;
        private ApiMode mode = ApiMode.SYNCHRONOUS;
        private RequestGate gate;

        private Builder() {}

        /**
         * Talk to Partner Center at {@code baseUrl}. {@code token} is called for every request (so a
         * rotating token works) and must return the bearer token without the {@code Bearer } prefix.
         */
        public Builder partnerCenter(URI baseUrl, Supplier<String> token) {
            this.baseUrl = checkNotNull(baseUrl, "baseUrl");
            this.token = checkNotNull(token, "token");
            return this;
        }

        /** Called once when a token is refused with 401 (default: the token supplier again). */
        public Builder refreshedToken(Supplier<String> refreshedToken) {
            this.refreshedToken = checkNotNull(refreshedToken, "refreshedToken");
            return this;
        }

        /** Use the in-memory fake instead of Partner Center (for tests and demos). */
        public Builder fake(InMemoryPartnerCenter fake) {
            this.fake = checkNotNull(fake, "fake");
            return this;
        }

        /** Synchronous (default) or asynchronous qualification API. */
        public Builder api(ApiMode mode) {
            this.mode = checkNotNull(mode, "mode");
            return this;
        }

        /** Sent as {@code MS-PartnerCenter-Application}. */
        public Builder applicationName(String applicationName) {
            this.applicationName = checkNotNull(applicationName, "applicationName");
            return this;
        }

        /** Sent as {@code X-Locale}, e.g. {@code en-US}. */
        public Builder locale(String locale) {
            this.locale = checkNotNull(locale, "locale");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkNotNull(timeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = checkNotNull(timeout, "readTimeout");
            return this;
        }

        /** The bound on one attempt, from connect to the last byte of the answer. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = checkNotNull(timeout, "callTimeout");
            return this;
        }

        /** How often and how long to retry throttled and transient failures. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = checkNotNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Shares one gate (a rate cap, a pause when throttled) among every request of this client, such
         * as a {@link SharedThrottle}: a 429 on one thread then slows all of them.
         */
        public Builder requestGate(RequestGate gate) {
            this.gate = checkNotNull(gate, "gate");
            return this;
        }

        /** Logs requests and answers through SLF4J at debug level, with {@code Authorization} redacted. */
        public Builder httpLogging(boolean on) {
            this.httpLogging = on;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if neither or both of REST and the fake were chosen
         * @throws IllegalArgumentException if the base URL is refused (plain http to a non-loopback host)
         */
        public PartnerCenterQualifications build() {
            checkState(baseUrl != null || fake != null, "choose partnerCenter(baseUrl, token) or fake(...)");
            checkState(baseUrl == null || fake == null, "choose either partnerCenter(...) or fake(...), not both");
            if (fake != null) {
                if (gate != null) {
                    GatedPorts gated = new GatedPorts(fake, fake, gate);
                    return new PartnerCenterQualifications(service(gated, gated), Optional.empty());
                }
                return new PartnerCenterQualifications(service(fake, fake), Optional.empty());
            }
            RestQualificationAdapter.Builder rest = RestQualificationAdapter.builder()
                    .baseUrl(baseUrl)
                    .tokenSource(tokenSource())
                    .httpLogging(httpLogging);
            if (applicationName != null) {
                checkArgument(!applicationName.isBlank(), "applicationName must not be blank");
                rest.applicationName(applicationName);
            }
            if (locale != null) {
                rest.locale(locale);
            }
            if (connectTimeout != null) {
                rest.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                rest.readTimeout(readTimeout);
            }
            if (callTimeout != null) {
                rest.callTimeout(callTimeout);
            }
            if (retryPolicy != null) {
                rest.retryPolicy(retryPolicy);
            }
            if (gate != null) {
                rest.requestGate(gate);
            }
            RestQualificationAdapter adapter = rest.build();
            return new PartnerCenterQualifications(service(adapter, adapter), Optional.of(adapter));
        }

        private TokenSource tokenSource() {
            Supplier<String> current = token;
            Supplier<String> refreshed = refreshedToken == null ? token : refreshedToken;
            return new TokenSource() {
                @Override
                public String currentToken() {
                    return current.get();
                }

                @Override
                public String refreshedToken() {
                    return refreshed.get();
                }

                @Override
                public String toString() {
                    return "TokenSource[redacted]";
                }
            };
        }

        private QualificationService service(QualificationPort port, ValidationCodePort codes) {
            return new QualificationService(port, codes, mode);
        }
    }
}
