package io.github.pcqualification.cli.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/** One row of the bulk report: {@code line,customerId,qualification,outcome,detail,correlationId}. */
record ReportRow(long line, String customerId, String qualification, RowOutcome outcome, String detail,
        String correlationId) {

    static final List<String> HEADER = List.of("line", "customerId", "qualification", "outcome", "detail", "correlationId");

    ReportRow {
        checkArgument(line >= 1, "line numbers start at 1");
        checkNotNull(customerId, "customerId");
        checkNotNull(qualification, "qualification");
        checkNotNull(outcome, "outcome");
        checkNotNull(detail, "detail");
        checkNotNull(correlationId, "correlationId");
    }

    /**
     * The fields as written; line breaks inside a field become spaces, so every row is one line of the file, and
     * text cells that start like a formula get a leading {@code '}.
     */
    List<String> fields() {
        return List.of(Long.toString(line), cell(customerId), cell(qualification), outcome.text(), cell(detail),
                correlationId);
    }

    /** One line, and never a formula a spreadsheet would run (see {@link Cells#neutralizeFormula}). */
    private static String cell(String text) {
        return Cells.neutralizeFormula(oneLine(text));
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
    }
}
