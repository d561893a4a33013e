package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Unavailable.Reason;
import io.github.pcqualification.domain.outcome.Unavailable;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bounded allocation: a 10 MB answer (declared or chunked, success or error) is refused by the 1 MiB
 * cap, and the calling thread allocates far less than the body's size while refusing it.
 */
class TenMegabyteBodyTest extends MockServerTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @ParameterizedTest(name = "chunked {0}")
    @ValueSource(booleans = {false, true})
    void aTenMegabyteAnswer_isRefused_withoutBeingReadIntoMemory(boolean chunked) {
        Buffer body = new Buffer().writeUtf8("[" + "{\"validationId\":\"A\"},".repeat(TEN_MB / 21) + "{}]");
        MockResponse answer = new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json");
        server.enqueue(chunked ? answer.setChunkedBody(body, 64 * 1024) : answer.setBody(body));
        RestQualificationAdapter adapter = adapter();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        // not preemptive: the call must run on this thread for the allocation count to see it
        CodesOutcome outcome = assertTimeout(Duration.ofSeconds(20), () -> adapter.listValidationCodes(CONTEXT));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
            assertThat(u.message()).contains("response refused");
        });
        assertThat(allocated).as("bytes allocated by the calling thread").isLessThan(TEN_MB);
    }
}
