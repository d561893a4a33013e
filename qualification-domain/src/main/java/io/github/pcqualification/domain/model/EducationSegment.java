package io.github.pcqualification.domain.model;

import java.util.Optional;

/** The education segment the asynchronous API needs for an Education qualification. */
public enum EducationSegment {
    K12("K12"),
    HIGHER_EDUCATION("HigherEducation");

    private final String wireName;

    EducationSegment(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses {@code K12} or {@code HigherEducation}, case-insensitively, ignoring {@code _} and {@code -}. */
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
