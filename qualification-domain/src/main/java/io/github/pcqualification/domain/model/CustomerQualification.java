package io.github.pcqualification.domain.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One qualification a customer holds. The synchronous API reports no vetting; the asynchronous one
 * reports its vetting status, reason and date.
 *
 * @param qualification the value held, as the service reported it
 * @param vetting the vetting of an asynchronously requested value; empty through the synchronous API
 */
public record CustomerQualification(ReportedQualification qualification, Optional<Vetting> vetting) {

    /**
     * Checks the components.
     *
     * @param qualification the value held, as the service reported it
     * @param vetting the vetting, or empty when none was reported
     * @throws NullPointerException if either is null
     */
    public CustomerQualification {
        checkNotNull(qualification, "qualification");
        checkNotNull(vetting, "vetting");
    }

    /**
     * A qualification reported without vetting, as the synchronous API reports it.
     *
     * @param qualification the value held
     * @return the qualification with no vetting
     */
    public static CustomerQualification of(ReportedQualification qualification) {
        return new CustomerQualification(qualification, Optional.empty());
    }

    /**
     * A known qualification without vetting.
     *
     * @param qualification the value held
     * @return the qualification with no vetting
     */
    public static CustomerQualification of(Qualification qualification) {
        return of(ReportedQualification.of(qualification));
    }
}
