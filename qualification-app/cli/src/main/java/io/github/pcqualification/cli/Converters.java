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
                return CustomerId.parse(value);
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
}
