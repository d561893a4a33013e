package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.outcome.Found;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Settings that show on the wire or in the adapter's resources: the application name's limits, a connect timeout
 * that still builds a working adapter, the Authorization header masked by OkHttp itself in the HTTP log, and what
 * {@code close()} releases.
 */
class AdapterSettingsTest extends MockServerTest {

    @Test
    void anApplicationNameOf256PrintableCharactersWithSpaces_isSent_stripped() throws InterruptedException {
        String name = " " + "a b~".repeat(63) + "a~" + " ";
        enqueueJson(200, "\"education\"");

        adapter(b -> b.applicationName(name)).getQualification(CUSTOMER, CONTEXT);

        assertThat(taken().getHeader("MS-PartnerCenter-Application")).isEqualTo(name.strip()).hasSize(254);
    }

    @Test
    void anApplicationNameOfExactly256Characters_isAccepted_and257AreNot() {
        RestQualificationAdapter.Builder builder = RestQualificationAdapter.builder();

        builder.applicationName("n".repeat(256));

        assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationName("n".repeat(257)))
                .withMessageContaining("applicationName must be 1 to 256 printable ASCII characters");
    }

    @Test
    void anApplicationNameWithDelete_isRefused() {
        RestQualificationAdapter.Builder builder = RestQualificationAdapter.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.applicationName("app\u007f"))
                .withMessageContaining("applicationName");
    }

    @Test
    void aConnectTimeout_isTakenAndTheBuilderChainsOn() {
        enqueueJson(200, "\"education\"");

        var outcome = adapter(b -> b.connectTimeout(Duration.ofSeconds(3))).getQualification(CUSTOMER, CONTEXT);

        assertThat(outcome).isInstanceOf(Found.class);
    }

    @Test
    void theHttpLog_showsTheAuthorizationHeaderMaskedByOkHttp() {
        List<String> lines = new CopyOnWriteArrayList<>();
        enqueueJson(200, "\"education\"");

        adapter(b -> b.httpLogging(true).httpLogger(lines::add)).getQualification(CUSTOMER, CONTEXT);

        assertThat(lines).contains("Authorization: \u2588\u2588").noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void close_shutsTheDispatcherDown_andEmptiesTheConnectionPool() throws Exception {
        enqueueJson(200, "\"education\"");
        RestQualificationAdapter adapter = adapter();
        adapter.getQualification(CUSTOMER, CONTEXT);
        OkHttpClient client = clientOf(adapter);
        assertThat(client.connectionPool().connectionCount()).as("the connection is pooled after the call").isOne();

        adapter.close();

        assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
        assertThat(client.connectionPool().connectionCount()).isZero();
    }

    private static OkHttpClient clientOf(RestQualificationAdapter adapter) throws ReflectiveOperationException {
        Field field = RestQualificationAdapter.class.getDeclaredField("client");
        field.setAccessible(true);
        return (OkHttpClient) field.get(adapter);
    }
}
