package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.policy.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** One adapter shared by many threads: every operation keeps its own ids and its own retries. */
class ConcurrencyTest extends MockServerTest {

    @Test
    void manyThreads_shareOneAdapter_eachOperationWithItsOwnIds() throws Exception {
        Set<String> seenRequestIds = ConcurrentHashMap.newKeySet();
        AtomicInteger served = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // every other first attempt is throttled, so retries interleave with first attempts
                boolean first = seenRequestIds.add(request.getHeader("MS-RequestId"));
                served.incrementAndGet();
                return first && served.get() % 2 == 0
                        ? new MockResponse().setResponseCode(503)
                        : new MockResponse().setResponseCode(200).setBody("\"" + request.getHeader("MS-RequestId") + "\"");
            }
        });
        var adapter = resilient((
                new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMillis(1), Duration.ofMillis(1))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<OperationContext> contexts = new ArrayList<>();
        List<Future<GetOutcome>> futures = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            OperationContext context = OperationContext.newOperation();
            contexts.add(context);
            futures.add(pool.submit(() -> adapter.getQualification(CUSTOMER, context)));
        }
        List<GetOutcome> outcomes = new ArrayList<>();
        for (Future<GetOutcome> future : futures) {
            outcomes.add(future.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();

        for (int i = 0; i < outcomes.size(); i++) {
            GetOutcome outcome = outcomes.get(i);
            OperationContext context = contexts.get(i);
            assertThat(outcome).isInstanceOf(Found.class);
            assertThat(outcome.context()).isEqualTo(context);
            // the server answered each operation with its own request id: no crossed wires
            assertThat(((Found) outcome).values().get(0).toString()).isEqualTo(context.requestId().toString());
        }
        assertThat(seenRequestIds).hasSize(40);
    }

    @Test
    void close_isIdempotent() {
        RestQualificationAdapter adapter = adapter();

        adapter.close();

        assertThatCode(adapter::close).doesNotThrowAnyException();
    }
}
