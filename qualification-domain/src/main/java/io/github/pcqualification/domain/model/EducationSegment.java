package io.github.pcqualification.domain.model;

import java.util.Optional;

/** The education segment the asynchronous API needs for an Education qualification. */
public enum EducationSegment {
    /** Primary and secondary schools ({@code K12}). */
    K12("K12"),
    /** Colleges and universities ({@code HigherEducation}). */
    HIGHER_EDUCATION("HigherEducation");

    private final String wireName;

    EducationSegment(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name the service uses.
     *
     * @return {@code K12} or {@code HigherEducation}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses {@code K12} or {@code HigherEducation}, case-insensitively, ignoring {@code _}, {@code -} and spaces.
     *
     * @param name the text to parse; may be null
     * @return the segment, or empty if {@code name} is null or names no segment
     */
    public static Optional<EducationSegment> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = Qualification.normalize(name);
        for (EducationSegment s : values()) {
            if (Qualification.normalize(s.wireName).equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
