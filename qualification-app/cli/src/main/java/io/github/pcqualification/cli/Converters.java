package io.github.pcqualification.cli;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Turns command-line text into domain values, with the domain's own error messages. */
final class Converters {

    private Converters() {}

    static final class CustomerIdConverter implements ITypeConverter<CustomerId> {
        @Override
        public CustomerId convert(String value) {
            try {
                // The bulk job's rule: spaces and tabs around the id are dropped, anything else makes it invalid.
                return CustomerId.parse(io.github.pcqualification.cli.bulk.Cells.trimBlanks(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class QualificationConverter implements ITypeConverter<Qualification> {
        @Override
        public Qualification convert(String value) {
            return Qualification.fromName(value).orElseThrow(() -> new TypeConversionException(
                    "unknown qualification '" + Printable.shorten(value) + "'; expected one of "
                            + Arrays.stream(Qualification.values()).map(Qualification::wireName)
                                    .collect(Collectors.joining(", "))));
        }
    }

    static final class ValidationCodeConverter implements ITypeConverter<ValidationCode> {
        @Override
        public ValidationCode convert(String value) {
            try {
                return ValidationCode.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class EducationSegmentConverter implements ITypeConverter<EducationSegment> {
        @Override
        public EducationSegment convert(String value) {
            return EducationSegment.fromName(value).orElseThrow(() -> new TypeConversionException(
                    "unknown education segment '" + Printable.shorten(value) + "'; expected K12 or HigherEducation"));
        }
    }

    static final class WebsiteConverter implements ITypeConverter<Website> {
        @Override
        public Website convert(String value) {
            try {
                return Website.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A wait such as {@code 15m}, {@code 90s}, {@code 1h} or {@code PT15M}: more than zero, at most one hour. */
    static final class DurationConverter implements ITypeConverter<java.time.Duration> {
        private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("(\\d{1,6})([smh])");

        @Override
        public java.time.Duration convert(String value) {
            java.time.Duration duration;
            java.util.regex.Matcher shortForm = SHORT.matcher(value.trim());
            try {
                if (shortForm.matches()) {
                    long amount = Long.parseLong(shortForm.group(1));
                    duration = switch (shortForm.group(2)) {
                        case "s" -> java.time.Duration.ofSeconds(amount);
                        case "m" -> java.time.Duration.ofMinutes(amount);
                        default -> java.time.Duration.ofHours(amount);
                    };
                } else {
                    duration = java.time.Duration.parse(value.trim());
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new TypeConversionException("'" + Printable.shorten(value) + "' is not a duration such as 15m, 90s"
                        + " or PT15M");
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(java.time.Duration.ofHours(1)) > 0) {
                throw new TypeConversionException("the timeout must be more than zero and at most 60m, got "
                        + Printable.shorten(value));
            }
            return duration;
        }
    }
}
