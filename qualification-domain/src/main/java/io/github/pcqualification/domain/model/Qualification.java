package io.github.pcqualification.domain.model;

import java.util.Optional;

/**
 * A qualification Partner Center knows about. What the service <em>reports</em> may be a value not
 * listed here; see {@link ReportedQualification}.
 */
public enum Qualification {
    /** No qualification: what the synchronous API reports for a customer that holds none. */
    NONE("None", 0),
    /** An education institution. */
    EDUCATION("Education", 1),
    /** A nonprofit organisation: the service may report it, but a partner cannot set it. */
    NONPROFIT("Nonprofit", 2),
    /** Government Community Cloud: needs the partner's validation code. */
    GOVERNMENT_COMMUNITY_CLOUD("GovernmentCommunityCloud", 3),
    /** A state-owned entity: asynchronous API only. */
    STATE_OWNED_ENTITY("StateOwnedEntity", 4);

    private final String wireName;
    private final int enumValue;

    Qualification(String wireName, int enumValue) {
        this.wireName = wireName;
        this.enumValue = enumValue;
    }

    /**
     * The name the service uses.
     *
     * @return the PascalCase name sent to the service, e.g. {@code GovernmentCommunityCloud}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The integer of the service's enum (documented, not sent: the body carries the name).
     *
     * @return 0 for {@code None} to 4 for {@code StateOwnedEntity}
     */
    public int enumValue() {
        return enumValue;
    }

    /**
     * Parses a name leniently: case-insensitive, ignoring {@code _}, {@code -} and spaces, so
     * {@code governmentcommunitycloud}, {@code GovernmentCommunityCloud} and
     * {@code government_community_cloud} are one value.
     *
     * @param name the text to parse; may be null
     * @return the qualification, or empty if {@code name} is null or not a known name
     */
    public static Optional<Qualification> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = normalize(name);
        for (Qualification q : values()) {
            if (normalize(q.wireName).equals(key)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /**
     * Drops {@code _}, {@code -} and spaces and lower-cases ASCII letters only: a full Unicode
     * lower-casing would turn look-alikes such as the Kelvin sign (U+212A) into ASCII letters.
     */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (c != '_' && c != '-' && c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
