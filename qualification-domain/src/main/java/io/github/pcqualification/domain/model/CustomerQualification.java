package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One qualification a customer holds. The synchronous API reports no vetting; the asynchronous one
 * reports its vetting status, reason and date.
 */
public record CustomerQualification(ReportedQualification qualification, Optional<Vetting> vetting) {

    public CustomerQualification {
        checkNotNull(qualification, "qualification");
        checkNotNull(vetting, "vetting");
    }

    public static CustomerQualification of(ReportedQualification qualification) {
        return new CustomerQualification(qualification, Optional.empty());
    }

    public static CustomerQualification of(Qualification qualification) {
        return of(ReportedQualification.of(qualification));
    }
}
