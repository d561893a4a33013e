package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.app.SharedThrottle;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.Updated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bulk engine over the fake-backed client, on virtual time: what each row ends as, and what a journal keeps. */
@Timeout(30)
class BulkUpdatesTest {

    private static final CustomerId FRESH = DemoData.FRESH_CUSTOMER;
    private static final CustomerId SECOND = DemoData.SECOND_FRESH_CUSTOMER;
    private static final CustomerId EDUCATED = DemoData.EDUCATION_CUSTOMER;
    private static final CustomerId UNKNOWN = CustomerId.parse("99999999-9999-4999-8999-999999999999");

    @TempDir
    Path dir;

    private final RecordingSleeper time = new RecordingSleeper();
    private final InMemoryPartnerCenter fake = DemoData.seed(new InMemoryPartnerCenter(time.clock(), time));
    private final PartnerCenterQualifications pc = PartnerCenterQualifications.builder().ports(fake).sleeper(time)
            .clock(time.clock()).build();
    private final List<BulkResult<QualificationRequest>> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        pc.close();
    }

    private long virtualNanos() {
        return Duration.between(RecordingSleeper.EPOCH, time.clock().instant()).toNanos();
    }

    private static QualificationRequest education(CustomerId customer) {
        return QualificationRequest.education(customer);
    }

    private static String kinds(List<? extends BulkResult<?>> results) {
        return results.stream().map(r -> r.position() + ":" + FileBulkJournal.kind(r)).collect(Collectors.joining(" "));
    }

    @Test
    void aListOfRequests_endsOneResultPerRequest_inItsOrder_keyedByTheRequest() throws Exception {
        List<QualificationRequest> requests = List.of(education(FRESH), education(EDUCATED), education(UNKNOWN),
                education(SECOND));

        BulkSummary summary = BulkUpdates.over(pc).concurrency(4).build().run(requests, results::add);

        assertThat(kinds(results)).isEqualTo("1:updated 2:unchanged 3:not-found 4:updated");
        assertThat(results).extracting(BulkResult::key).containsExactlyElementsOf(requests);
        assertThat(((BulkResult.Sent<QualificationRequest>) results.get(0)).outcome()).isInstanceOf(Updated.class);
        assertThat(((BulkResult.Sent<QualificationRequest>) results.get(1)).outcome()).isInstanceOf(Unchanged.class);
        assertThat(((BulkResult.Sent<QualificationRequest>) results.get(2)).outcome()).isInstanceOf(NotFound.class);
        assertThat(summary.done()).isEqualTo(4);
        assertThat(summary.resumed()).isZero();
        assertThat(summary.finalErrors()).isEqualTo(1);
        assertThat(summary.transientErrors()).isZero();
        assertThat(summary.stoppedBy()).isEmpty();
        assertThat(fake.qualificationsOf(FRESH)).hasSize(1);
    }

    @Test
    void aStream_isRunLikeAList_andItsSizeIsTheTotalWhenKnown() throws Exception {
        List<BulkProgress> sized = new CopyOnWriteArrayList<>();
        List<BulkProgress> unsized = new CopyOnWriteArrayList<>();

        BulkUpdates.over(pc).progress(sized::add, Duration.ZERO).build()
                .run(Stream.of(education(FRESH), education(EDUCATED)), results::add);
        BulkUpdates.over(pc).progress(unsized::add, Duration.ZERO).build()
                .run(Stream.iterate(education(SECOND), r -> r).limit(1).filter(r -> true), r -> { });

        assertThat(kinds(results)).isEqualTo("1:updated 2:unchanged");
        assertThat(sized.get(sized.size() - 1).total()).hasValue(2);
        assertThat(unsized.get(unsized.size() - 1).total()).isEmpty();
        assertThat(unsized.get(unsized.size() - 1).done()).isEqualTo(1);
    }

    @Test
    void anEmptyStream_hasATotalOfZero_andEndsAtOnce() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();

        BulkSummary summary = BulkUpdates.over(pc).progress(progress::add, Duration.ZERO).build()
                .run(Stream.<QualificationRequest>empty(), results::add);

        assertThat(summary.done()).isZero();
        assertThat(progress).singleElement().satisfies(p -> assertThat(p.total()).hasValue(0));
    }

    @Test
    void anIterableThatIsNotACollection_hasNoTotal() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        Iterable<QualificationRequest> rows = () -> List.of(education(FRESH)).iterator();

        BulkUpdates.over(pc).progress(progress::add, Duration.ZERO).build().run(rows, results::add);

        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.total()).isEmpty());
        assertThat(kinds(results)).isEqualTo("1:updated");
    }

    @Test
    void anIterator_isRunLikeAList_withoutATotal() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        Iterator<QualificationRequest> cursor = List.of(education(FRESH), education(EDUCATED)).iterator();

        BulkSummary summary = BulkUpdates.over(pc).progress(progress::add, Duration.ZERO).build().run(cursor, results::add);

        assertThat(kinds(results)).isEqualTo("1:updated 2:unchanged");
        assertThat(summary.done()).isEqualTo(2);
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.total()).isEmpty());
    }

    @Test
    void aCustomerListedAgain_isSentOnce_forItsFirstPosition() throws Exception {
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(FRESH),
                QualificationRequest.of(SECOND, Qualification.NONPROFIT));

        BulkSummary summary = BulkUpdates.over(pc).concurrency(2).build().run(requests, results::add);

        assertThat(kinds(results)).isEqualTo("1:updated 2:updated 3:duplicate 4:duplicate");
        assertThat(((BulkResult.Duplicate<QualificationRequest>) results.get(2)).firstPosition()).isEqualTo(1);
        assertThat(((BulkResult.Duplicate<QualificationRequest>) results.get(3)).firstPosition()).isEqualTo(2);
        assertThat(((BulkResult.Duplicate<QualificationRequest>) results.get(3)).request()).isEqualTo(requests.get(3));
        assertThat(fake.callCount()).isEqualTo(2);
        assertThat(summary.finalErrors()).isZero();
        assertThat(summary.done()).isEqualTo(4);
    }

    @Test
    void rowsTheCallerFoundInvalid_areDeliveredInTheirPlace_withTheCallersPositionsAndKeys() throws Exception {
        List<BulkItem<String>> items = List.of(BulkItem.of(10, "row-a", education(FRESH)),
                BulkItem.invalid(12, "row-b", "not a GUID"), BulkItem.of(15, "row-c", education(SECOND)));
        List<BulkResult<String>> got = new ArrayList<>();

        BulkSummary summary = BulkUpdates.over(pc).build().runItems(items.iterator(), OptionalLong.of(3), got::add);

        assertThat(kinds(got)).isEqualTo("10:updated 12:invalid 15:updated");
        assertThat(got).extracting(BulkResult::key).containsExactly("row-a", "row-b", "row-c");
        assertThat(((BulkResult.Invalid<String>) got.get(1)).problem()).isEqualTo("not a GUID");
        assertThat(fake.callCount()).isEqualTo(2);
        assertThat(summary.finalErrors()).isEqualTo(1);
    }

    @Test
    void positionsThatDoNotIncrease_failTheRunAsTheSourceWould_afterTheRowsBefore() {
        List<BulkItem<String>> items = List.of(BulkItem.of(2, "a", education(FRESH)), BulkItem.of(2, "b", education(SECOND)));
        List<BulkResult<String>> got = new ArrayList<>();

        assertThatThrownBy(() -> BulkUpdates.over(pc).build().runItems(items.iterator(), OptionalLong.empty(), got::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("positions must increase: 2 came after 2");
        assertThat(kinds(got)).isEqualTo("2:updated");
    }

    @Test
    void anAuthenticationFailure_stopsTheRunSending_andTheRowsAfterItAreNotSent() throws Exception {
        fake.failNext(1, Fault.unauthorized());
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(EDUCATED));

        BulkSummary summary = BulkUpdates.over(pc).concurrency(1).build().run(requests, results::add);

        assertThat(kinds(results)).isEqualTo("1:authentication-failed 2:not-sent 3:not-sent");
        assertThat(fake.callCount()).isEqualTo(1);
        AuthenticationFailed stop = summary.stoppedBy().orElseThrow();
        assertThat(((BulkResult.NotSent<QualificationRequest>) results.get(1)).stoppedBy()).isSameAs(stop);
        assertThat(results).noneMatch(BulkResult::isFinal).allMatch(BulkResult::isError);
        assertThat(summary.transientErrors()).isEqualTo(3);
        assertThat(summary.finalErrors()).isZero();
    }

    @Test
    void aDryRun_sendsNothing_andChecksTheRulesOfItsApi() throws Exception {
        List<QualificationRequest> requests = List.of(education(FRESH),
                QualificationRequest.of(SECOND, Qualification.GOVERNMENT_COMMUNITY_CLOUD), education(FRESH));

        BulkSummary summary = BulkUpdates.over(pc).dryRun(ApiMode.SYNCHRONOUS).build().run(requests, results::add);

        assertThat(kinds(results)).isEqualTo("1:would-send 2:invalid 3:duplicate");
        assertThat(((BulkResult.Invalid<QualificationRequest>) results.get(1)).problem()).isNotBlank();
        assertThat(fake.callCount()).isZero();
        assertThat(summary.finalErrors()).isEqualTo(1);
    }

    @Test
    void aUseCaseThatThrows_endsItsRowCrashed_notFinal_andTheRunGoesOn() throws Exception {
        IllegalStateException bug = new IllegalStateException("bug in a platform's port");
        BulkUpdates bulk = BulkUpdates.over(request -> {
            if (request.customer().equals(FRESH)) {
                throw bug;
            }
            return pc.update(request);
        }).build();

        BulkSummary summary = bulk.run(List.of(education(FRESH), education(SECOND)), results::add);

        assertThat(kinds(results)).isEqualTo("1:crashed 2:updated");
        assertThat(((BulkResult.Crashed<QualificationRequest>) results.get(0)).exception()).isSameAs(bug);
        assertThat(summary.transientErrors()).isEqualTo(1);
    }

    @Test
    void aRetriedThrottle_isCountedAsThrottledTime_andTheFiguresAddUp() throws Exception {
        AtomicLong throttleNanos = new AtomicLong();
        SharedThrottle throttle = new SharedThrottle(0, throttleNanos::get, d -> throttleNanos.addAndGet(d.toNanos()));
        fake.failFor(FRESH, 1, Fault.throttled(Duration.ofSeconds(30)));
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        try (PartnerCenterQualifications throttled = PartnerCenterQualifications.builder().ports(fake).sleeper(time)
                .clock(time.clock()).requestGate(throttle).build()) {

            BulkUpdates.over(throttled).concurrency(1).throttle(throttle).nanoTime(this::virtualNanos)
                    .progress(progress::add, Duration.ZERO).build()
                    .run(List.of(education(FRESH), education(UNKNOWN), education(SECOND)), results::add);
        }

        BulkProgress last = progress.get(progress.size() - 1);
        assertThat(kinds(results)).isEqualTo("1:updated 2:not-found 3:updated");
        assertThat(last.done()).isEqualTo(3);
        assertThat(last.total()).hasValue(3);
        assertThat(last.finalErrors()).isEqualTo(1);
        assertThat(last.transientErrors()).isZero();
        assertThat(last.throttled()).isEqualTo(Duration.ofSeconds(30));
        assertThat(last.retryAfterLeft()).isZero();
        assertThat(last.waitingForRetryAfter()).isFalse();
        assertThat(last.elapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(last.rate()).isEqualTo(0.1);
        assertThat(last.eta()).hasValue(Duration.ZERO);
        assertThat(progress).extracting(BulkProgress::done).isSorted().contains(1L, 2L, 3L);
    }

    @Test
    void aFileJournal_recordsEveryRow_andARerunSendsOnlyTheRowsThatDidNotEndForGood() throws Exception {
        Path file = dir.resolve("bulk.journal");
        fake.failFor(SECOND, 5, Fault.unavailable());   // every attempt of the first run (the policy makes 5)
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(FRESH));

        BulkSummary first;
        try (FileBulkJournal journal = FileBulkJournal.open(file)) {
            first = BulkUpdates.over(pc).concurrency(2).journal(journal).build().run(requests, results::add);
        }
        int callsAfterFirst = fake.callCount();
        List<BulkResult<QualificationRequest>> rerun = new ArrayList<>();
        BulkSummary second;
        try (FileBulkJournal journal = FileBulkJournal.open(file)) {
            assertThat(journal.doneCount()).isEqualTo(2);
            second = BulkUpdates.over(pc).concurrency(2).journal(journal).build().run(requests, rerun::add);
        }

        assertThat(kinds(results)).isEqualTo("1:updated 2:unavailable 3:duplicate");
        assertThat(((Unavailable) ((BulkResult.Sent<?>) results.get(1)).outcome()).isTransient()).isTrue();
        assertThat(first.transientErrors()).isEqualTo(1);
        assertThat(kinds(rerun)).isEqualTo("2:updated");
        assertThat(fake.callCount() - callsAfterFirst).isEqualTo(1);
        assertThat(second.resumed()).isEqualTo(2);
        assertThat(second.done()).isEqualTo(1);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).first().isEqualTo(FileBulkJournal.HEAD);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(5)
                .contains("2 unavailable retry", "3 duplicate done", "2 updated done");
    }

    /** A platform's own journal: a map from position to how the row ended, as a database table would hold it. */
    private static final class MapJournal implements BulkJournal {
        final Map<Long, Boolean> rows = new ConcurrentHashMap<>();

        @Override
        public boolean isDone(long position) {
            return rows.getOrDefault(position, false);
        }

        @Override
        public void record(BulkResult<?> result) {
            rows.put(result.position(), result.isFinal());
        }
    }

    @Test
    void aCustomJournal_skipsItsDonePositions_andADuplicateOfASkippedRowIsStillADuplicate() throws Exception {
        MapJournal journal = new MapJournal();
        journal.rows.put(1L, true);
        journal.rows.put(2L, false);
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(FRESH));

        BulkSummary summary = BulkUpdates.over(pc).journal(journal).build().run(requests, results::add);

        assertThat(kinds(results)).isEqualTo("2:updated 3:duplicate");
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(summary.resumed()).isEqualTo(1);
        assertThat(journal.rows).containsEntry(2L, true).containsEntry(3L, true);
    }

    @Test
    void aJournalThatCannotWrite_stopsTheRun_andItsRowIsNeverDelivered() {
        UncheckedIOException full = new UncheckedIOException(new IOException("No space left on device"));
        AtomicLong records = new AtomicLong();
        BulkJournal journal = new BulkJournal() {
            @Override
            public boolean isDone(long position) {
                return false;
            }

            @Override
            public void record(BulkResult<?> result) {
                if (records.incrementAndGet() == 2) {
                    throw full;
                }
            }
        };
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(EDUCATED),
                education(UNKNOWN));

        assertThatThrownBy(() -> BulkUpdates.over(pc).concurrency(1).journal(journal).build()
                .run(requests, results::add)).isSameAs(full);
        assertThat(kinds(results)).isEqualTo("1:updated");
        assertThat(fake.callCount()).isEqualTo(2);
    }

    @Test
    void aSourceThatThrows_endsTheRunWithItsException_afterDeliveringTheRowsItGave() {
        IllegalStateException closed = new IllegalStateException("the database cursor was closed");
        Iterator<QualificationRequest> rows = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public QualificationRequest next() {
                if (given == 2) {
                    throw closed;
                }
                return education(List.of(FRESH, SECOND).get(given++));
            }
        };
        MapJournal journal = new MapJournal();

        assertThatThrownBy(() -> BulkUpdates.over(pc).concurrency(2).journal(journal).build()
                .run(() -> rows, results::add)).isSameAs(closed);
        assertThat(kinds(results)).isEqualTo("1:updated 2:updated");
        assertThat(journal.rows).containsOnlyKeys(1L, 2L);
    }

    @Test
    void aNullRequest_isTheSourcesFault() {
        List<QualificationRequest> rows = new ArrayList<>();
        rows.add(education(FRESH));
        rows.add(null);

        assertThatThrownBy(() -> BulkUpdates.over(pc).build().run(rows, results::add))
                .isInstanceOf(NullPointerException.class).hasMessage("request 2 is null");
        assertThat(kinds(results)).isEqualTo("1:updated");
    }

    @Test
    void aCallbackThatThrows_stopsTheRun_withItsException() {
        IllegalStateException refused = new IllegalStateException("the platform's table is read-only");
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(EDUCATED));

        assertThatThrownBy(() -> BulkUpdates.over(pc).concurrency(1).window(1).build().run(requests, r -> {
            throw refused;
        })).isSameAs(refused);
        assertThat(fake.callCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void aListenerThatThrows_stopsTheRun_withItsException() {
        IllegalStateException broken = new IllegalStateException("display gone");

        assertThatThrownBy(() -> BulkUpdates.over(pc).progress(p -> {
            throw broken;
        }, Duration.ZERO).build().run(List.of(education(FRESH)), results::add)).isSameAs(broken);
    }

    @Test
    void anEmptySource_endsAtOnce_withNothingDone() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();

        BulkSummary summary = BulkUpdates.over(pc).progress(progress::add, Duration.ofHours(1)).build()
                .run(List.of(), results::add);

        assertThat(results).isEmpty();
        assertThat(summary.done()).isZero();
        assertThat(progress).singleElement().satisfies(p -> {
            assertThat(p.total()).hasValue(0);
            assertThat(p.fractionDone()).hasValue(1.0);
        });
    }

    @Test
    void theListener_isToldAtMostOncePerInterval_andOnceAtTheEnd() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        AtomicLong nanos = new AtomicLong();
        List<QualificationRequest> requests = List.of(education(FRESH), education(SECOND), education(EDUCATED),
                education(UNKNOWN));

        // One row at a time, each delivered before the next is sent: row k is delivered at second k.
        BulkUpdates.over(request -> {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            return pc.update(request);
        }).concurrency(1).window(1).nanoTime(nanos::get).progress(progress::add, Duration.ofMillis(1500))
                .build().run(requests, results::add);

        assertThat(progress).extracting(BulkProgress::done).containsExactly(2L, 4L, 4L);
        assertThat(progress.get(2).elapsed()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theListener_isToldWhenExactlyTheIntervalHasPassed() throws Exception {
        List<BulkProgress> progress = new CopyOnWriteArrayList<>();
        AtomicLong nanos = new AtomicLong(Duration.ofDays(3).toNanos());   // a monotonic clock starts anywhere

        BulkUpdates.over(request -> {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            return pc.update(request);
        }).concurrency(1).window(1).nanoTime(nanos::get).progress(progress::add, Duration.ofSeconds(1))
                .build().run(List.of(education(FRESH), education(SECOND), education(EDUCATED)), results::add);

        assertThat(progress).extracting(BulkProgress::done).containsExactly(1L, 2L, 3L, 3L);
        assertThat(progress).extracting(BulkProgress::elapsed).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
    }
}
