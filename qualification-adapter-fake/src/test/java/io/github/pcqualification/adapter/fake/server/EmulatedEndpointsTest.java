package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.Fault;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import io.github.pcqualification.domain.model.CorrelationId;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoints' memory of operations refused with {@code 401} (so the repeat with a renewed token is refused too):
 * each is remembered for one repeat, and at most 10,000 are remembered at once, so a client that never repeats
 * cannot grow it without bound.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EmulatedEndpointsTest {

    private static final int REMEMBERED = 10_000;

    private final InMemoryPartnerCenter backend = new InMemoryPartnerCenter(new RecordingSleeper());
    private final EmulatedEndpoints endpoints = new EmulatedEndpoints(backend);

    /** The {@code i}th operation's ids, distinct and cheap (no secure random per id). */
    private static OperationContext operation(int i) {
        return new OperationContext(new CorrelationId(new UUID(0x0a1b2c3d00004000L, 0x8000000000000000L | i)),
                new RequestId(new UUID(0x0a1b2c3d00004000L, 0x9000000000000000L | i)));
    }

    @Test
    void aRefusedOperation_isRememberedForExactlyOneRepeat() {
        backend.failNext(1, Fault.unauthorized());
        OperationContext refused = OperationContext.newOperation();

        WireAnswers.Answer answer = endpoints.codes(refused);

        assertThat(answer).isEqualTo(FakePartnerCenterServer.unauthorized());
        assertThat(endpoints.repeatsARefusedOperation(refused.requestId().toString())).isTrue();
        assertThat(endpoints.repeatsARefusedOperation(refused.requestId().toString())).isFalse();
        assertThat(endpoints.repeatsARefusedOperation(null)).isFalse();
    }

    @Test
    void atMostTenThousandRefusedOperations_areRememberedAtOnce() {
        backend.failNext(REMEMBERED + 1, Fault.unauthorized());
        List<OperationContext> refused = new ArrayList<>();
        int answered401 = 0;
        for (int i = 0; i <= REMEMBERED; i++) {
            OperationContext context = operation(i);
            refused.add(context);
            answered401 += endpoints.codes(context).status() == 401 ? 1 : 0;
        }

        boolean lastRemembered = endpoints.repeatsARefusedOperation(refused.get(REMEMBERED).requestId().toString());
        boolean firstRemembered = endpoints.repeatsARefusedOperation(refused.get(0).requestId().toString());
        boolean lastOfTheFullMemory = endpoints.repeatsARefusedOperation(
                refused.get(REMEMBERED - 1).requestId().toString());

        assertThat(answered401).isEqualTo(REMEMBERED + 1);
        assertThat(lastRemembered).as("the one past the bound").isFalse();
        assertThat(firstRemembered).isTrue();
        assertThat(lastOfTheFullMemory).isTrue();
        assertThat(backend.callCount()).isEqualTo(REMEMBERED + 1);
    }
}
