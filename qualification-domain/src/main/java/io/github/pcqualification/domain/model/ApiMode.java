package io.github.pcqualification.domain.model;

/**
 * Which of Partner Center's two qualification APIs an update goes through.
 *
 * <p>{@link #SYNCHRONOUS}: {@code PUT .../qualification}, Education and GCC only, answered at once.
 * {@link #ASYNCHRONOUS}: {@code POST .../qualifications}, also StateOwnedEntity, answered with a
 * vetting status. Microsoft announced the retirement of the synchronous one.
 */
public enum ApiMode {
    /** {@code PUT .../qualification}: Education or GovernmentCommunityCloud, set at once without vetting. */
    SYNCHRONOUS,
    /** {@code POST .../qualifications}: also StateOwnedEntity; the answer carries a vetting status. */
    ASYNCHRONOUS
}
