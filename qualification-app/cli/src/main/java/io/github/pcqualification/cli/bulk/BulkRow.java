package io.github.pcqualification.cli.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.QualificationRequest;
import java.util.Optional;

/**
 * One data row of a bulk input file, as read: its line number, the customer id text as written (kept
 * for the report even when it is not a GUID), the qualification text, and either the request it
 * describes or why it describes none.
 */
record BulkRow(long line, String customerText, String qualificationText, Optional<QualificationRequest> request,
        Optional<String> problem) {

    BulkRow {
        checkArgument(line >= 1, "line numbers start at 1");
        checkNotNull(customerText, "customerText");
        checkNotNull(qualificationText, "qualificationText");
        checkNotNull(request, "request");
        checkNotNull(problem, "problem");
        checkArgument(request.isPresent() != problem.isPresent(), "a row has either a request or a problem");
    }

    static BulkRow valid(long line, String customerText, String qualificationText, QualificationRequest request) {
        return new BulkRow(line, customerText, qualificationText, Optional.of(request), Optional.empty());
    }

    static BulkRow invalid(long line, String customerText, String qualificationText, String problem) {
        return new BulkRow(line, customerText, qualificationText, Optional.empty(), Optional.of(problem));
    }
}
