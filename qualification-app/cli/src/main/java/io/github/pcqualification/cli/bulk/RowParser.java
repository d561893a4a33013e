package io.github.pcqualification.cli.bulk;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Printable;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one CSV record of a bulk input into a {@link BulkRow}. Never throws for bad data: every
 * problem of the row is named in the row's problem text.
 *
 * <p>Columns (by header name): {@code customerId}, {@code qualification}, {@code validationCode}
 * (may be empty), and optionally {@code educationSegment} and {@code website} for {@code --async}.
 */
final class RowParser {

    static final String CUSTOMER_ID = "customerId";
    static final String QUALIFICATION = "qualification";
    static final String VALIDATION_CODE = "validationCode";
    static final String EDUCATION_SEGMENT = "educationSegment";
    static final String WEBSITE = "website";
    static final List<String> REQUIRED_COLUMNS = List.of(CUSTOMER_ID, QUALIFICATION, VALIDATION_CODE);

    private RowParser() {}

    /** Parses the record found at {@code line} of the file (the header is line 1). */
    static BulkRow parse(long line, CSVRecord record) {
        return parse(line, field(record, CUSTOMER_ID), field(record, QUALIFICATION), field(record, VALIDATION_CODE),
                field(record, EDUCATION_SEGMENT), field(record, WEBSITE), record.isConsistent());
    }

    /** Parses the fields of one row; {@code consistent} is false when the row has a wrong number of fields. */
    static BulkRow parse(long line, String customerText, String qualificationText, String codeText,
            String segmentText, String websiteText, boolean consistent) {
        List<String> problems = new ArrayList<>();
        if (!consistent) {
            problems.add("the row does not have as many fields as the header");
        }
        CustomerId customer = null;
        try {
            customer = CustomerId.parse(customerText);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Optional<Qualification> qualification = Qualification.fromName(qualificationText);
        if (qualification.isEmpty()) {
            problems.add(qualificationText.isEmpty() ? "the qualification is empty"
                    : "unknown qualification '" + Printable.shorten(qualificationText) + "'");
        }
        Optional<ValidationCode> code = Optional.empty();
        if (!codeText.isEmpty()) {
            try {
                code = Optional.of(ValidationCode.of(codeText));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        Optional<EducationSegment> segment = Optional.empty();
        if (!segmentText.isEmpty()) {
            segment = EducationSegment.fromName(segmentText);
            if (segment.isEmpty()) {
                problems.add("unknown education segment '" + Printable.shorten(segmentText) + "'; expected K12 or HigherEducation");
            }
        }
        Optional<Website> website = Optional.empty();
        if (!websiteText.isEmpty()) {
            try {
                website = Optional.of(Website.of(websiteText));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return BulkRow.invalid(line, customerText, qualificationText, String.join("; ", problems));
        }
        return BulkRow.valid(line, customerText, qualificationText,
                new QualificationRequest(customer, qualification.get(), code, segment, website));
    }

    private static String field(CSVRecord record, String name) {
        if (!record.isMapped(name) || !record.isSet(name)) {
            return "";
        }
        String value = record.get(name);
        return value == null ? "" : Cells.trimBlanks(value);
    }
}
