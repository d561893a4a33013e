package com.contoso.platform;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks a platform's tenants as US government customers (GCC) in Partner Center. One per platform; thread-safe. */
public final class GovernmentCloudOnboarding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GovernmentCloudOnboarding.class);

    /** What the platform does next with the tenant. */
    public enum Next { DONE, FIX_INPUT, REVIEW, UNKNOWN_TENANT, RETRY_LATER }

    private final PartnerCenterQualifications partnerCenter;

    /**
     * @param baseUrl     https://api.partnercenter.microsoft.com (or a fake served on loopback, in tests)
     * @param accessToken called for every request, so a rotating token works; the token without "Bearer "
     */
    public GovernmentCloudOnboarding(URI baseUrl, Supplier<String> accessToken) {
        this.partnerCenter = PartnerCenterQualifications.builder()
                .partnerCenter(baseUrl, accessToken)
                .applicationName("Contoso Partner Platform")        // sent as MS-PartnerCenter-Application
                .build();
    }

    /** Qualifies the tenant for GCC with one of the partner's validation codes. */
    public Next qualify(CustomerId tenant, ValidationCode code) {
        UpdateOutcome outcome = partnerCenter.update(QualificationRequest.governmentCommunityCloud(tenant, code));

        if (outcome instanceof Updated u) {
            log.info("{} is now {} ({})", u.customer(), u.qualification().qualification(), u.correlationId());
            return Next.DONE;
        } else if (outcome instanceof Unchanged u) {
            log.info("{} already had it ({})", u.customer(), u.correlationId());
            return Next.DONE;
        } else if (outcome instanceof InvalidRequest i) {        // refused locally, nothing sent
            log.warn("{}: not sent: {}", tenant, i.message());
            return Next.FIX_INPUT;
        } else if (outcome instanceof Rejected r) {              // final: HTTP status, service code, description
            log.warn("{}: {} ({})", tenant, r.error().summary(), r.correlationId());
            return Next.REVIEW;
        } else if (outcome instanceof NotFound n) {
            log.warn("{} is not a customer of this partner ({})", tenant, n.correlationId());
            return Next.UNKNOWN_TENANT;
        }
        Unavailable u = (Unavailable) outcome;                   // after bounded retries; maybe with a Retry-After
        log.warn("{}: {}; next try in {}", tenant, u.message(), u.retryAfter().orElse(Duration.ofMinutes(5)));
        return Next.RETRY_LATER;
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        partnerCenter.close();
    }
}
