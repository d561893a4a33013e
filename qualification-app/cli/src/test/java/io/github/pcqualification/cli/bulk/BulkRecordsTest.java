package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk job's own records: line numbers from 1, a row with a request or a problem, what a failed write tells. */
class BulkRecordsTest {

    private static final QualificationRequest REQUEST = QualificationRequest.education(
            CustomerId.parse("11111111-1111-4111-8111-111111111111"));

    @Test
    void reportRows_startAtLineOne() {
        assertThat(new ReportRow(1, "c", "q", RowOutcome.UPDATED, "d", "").line()).isEqualTo(1);
        assertThatThrownBy(() -> new ReportRow(0, "c", "q", RowOutcome.UPDATED, "d", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line numbers start at 1");
    }

    @Test
    void bulkRows_startAtLineOne_andHoldARequestOrAProblem_neverBothOrNeither() {
        assertThat(BulkRow.valid(1, "c", "q", REQUEST).request()).hasValue(REQUEST);
        assertThatThrownBy(() -> BulkRow.invalid(0, "c", "q", "bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line numbers start at 1");
        assertThatThrownBy(() -> new BulkRow(2, "c", "q", Optional.of(REQUEST), Optional.of("bad")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a row has either a request or a problem");
        assertThatThrownBy(() -> new BulkRow(2, "c", "q", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedWrite_tellsWhetherTheRunHadAJournal_andHowManyRowsFinished() {
        IOException full = new IOException("No space left on device");

        BulkWriteException without = new BulkWriteException(full, false, 7);
        BulkWriteException with = new BulkWriteException(full, true, 0);

        assertThat(without.journaled()).isFalse();
        assertThat(without.finished()).isEqualTo(7);
        assertThat(with.journaled()).isTrue();
        assertThat(without).hasMessage("No space left on device").hasCause(full);
    }
}
