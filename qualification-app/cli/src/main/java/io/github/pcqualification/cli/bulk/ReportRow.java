package io.github.pcqualification.cli.bulk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.Printable;
import java.util.List;

/** One row of the bulk report: {@code line,customerId,qualification,outcome,detail,correlationId}. */
record ReportRow(long line, String customerId, String qualification, RowOutcome outcome, String detail,
        String correlationId) {

    /**
     * Longer cells are cut, so the journal can read back every field it wrote (it refuses fields longer than
     * {@link Journal#MAX_FIELD_CHARS}; a cut cell has the cut mark and may get a formula quote). Far beyond any
     * real cell: input records are at most {@link BulkJob#MAX_RECORD_CHARS} characters.
     */
    private static final int MAX_CELL_CHARS = Journal.MAX_FIELD_CHARS - Printable.CUT_MARK.length() - 1;

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
     * The fields as written; each text cell is one line ({@link Printable#oneLine}: line breaks and other control
     * characters become a space), so every row is one line of the file, and text cells that start like a formula
     * get a leading {@code '}.
     */
    List<String> fields() {
        return List.of(Long.toString(line), cell(customerId), cell(qualification), outcome.text(), cell(detail),
                correlationId);
    }

    /**
     * One line, and never a formula a spreadsheet would run (see {@link Cells#neutralizeFormula}). Idempotent for
     * every cell that was not cut, so a resumed run writes the journal's cells again unchanged.
     */
    private static String cell(String text) {
        return Cells.neutralizeFormula(Printable.oneLine(text, MAX_CELL_CHARS));
    }
}
