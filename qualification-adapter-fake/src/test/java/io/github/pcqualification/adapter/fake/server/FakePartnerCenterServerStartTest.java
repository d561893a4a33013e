package io.github.pcqualification.adapter.fake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.adapter.fake.testing.RecordingSleeper;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code start} takes: each range inclusive at both ends, anything outside it refused naming the value. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakePartnerCenterServerStartTest {

    private final InMemoryPartnerCenter backend = new InMemoryPartnerCenter(new RecordingSleeper());

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536})
    void aPortOutOfRange_isRefusedNamingIt(int port) {
        assertThatThrownBy(() -> FakePartnerCenterServer.start(backend, port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535, got " + port);
    }

    @Test
    void theHighestPort_isInRange_soItIsBoundUnlessTaken() throws IOException {
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(backend, 65535)) {
            assertThat(server.port()).isEqualTo(65535);
        } catch (BindException taken) {
            // in range, but something else holds it: bound is what was tried, and nothing was refused
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1025})
    void aThreadCountOutOfRange_isRefusedNamingIt(int threads) {
        assertThatThrownBy(() -> FakePartnerCenterServer.start(backend, 0, threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be between 1 and 1024, got " + threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1024})
    void theThreadCountsAtTheEdges_start(int threads) throws IOException {
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(backend, 0, threads)) {
            assertThat(server.port()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.000999999S", "PT1H0.000000001S", "PT-1S"})
    void anIoTimeoutOutOfRange_isRefusedNamingIt(String timeout) {
        Duration ioTimeout = Duration.parse(timeout);

        assertThatThrownBy(() -> FakePartnerCenterServer.start(backend, 0, 1, ioTimeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ioTimeout must be between 1 ms and 1 hour, got " + ioTimeout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.001S", "PT1H"})
    void theIoTimeoutsAtTheEdges_start(String timeout) throws IOException {
        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(backend, 0, 1, Duration.parse(timeout))) {
            assertThat(server.port()).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 68", "3, 76", "4, 80", "1024, 4160"})
    void maxConnections_isFourPerThreadPlus64(int threads, int connections) {
        assertThat(FakePartnerCenterServer.maxConnections(threads)).isEqualTo(connections);
    }
}
