package io.github.pcqualification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CLI against {@code serve-fake}, end to end over loopback HTTP: the tool serves the fake, and while
 * it serves, the same tool (with {@code --base-url}) lists codes, updates, reads, repeats the update and
 * is refused Education-to-GCC.
 */
class ServeFakeRoundTripTest {

    private static final Map<String, String> TOKEN = Map.of("PARTNER_CENTER_TOKEN", "round-trip-token");
    private static final String FRESH = DemoData.FRESH_CUSTOMER.toString();
    private static final String EDUCATION = DemoData.EDUCATION_CUSTOMER.toString();

    record Step(String name, int exitCode, String out, String err) {}

    private static Step cli(String name, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QualificationCli.run(args, TOKEN, DemoData::newDemoPartnerCenter, new PrintWriter(out),
                new PrintWriter(err));
        return new Step(name, code, out.toString(), err.toString());
    }

    @Test
    void theCliAgainstServeFake_doesAFullRoundTrip() {
        List<Step> steps = new ArrayList<>();
        AtomicReference<URI> served = new AtomicReference<>();
        StringWriter serverOut = new StringWriter();

        int serverExit = QualificationCli.run(new String[] {"serve-fake", "--ttl", "600"}, Map.of(),
                DemoData::newDemoPartnerCenter, new PrintWriter(serverOut), new PrintWriter(new StringWriter()), false,
                (baseUri, ttl) -> {
                    served.set(baseUri);
                    String url = baseUri.toString();
                    steps.add(cli("codes", "--base-url", url, "codes"));
                    steps.add(cli("update", "--base-url", url, "update", "--customer", FRESH, "--qualification", "Education"));
                    steps.add(cli("get", "get", "--customer", FRESH, "--base-url", url));
                    steps.add(cli("repeat", "--base-url", url, "update", "--customer", FRESH, "--qualification", "Education"));
                    steps.add(cli("edu-to-gcc", "--base-url", url, "update", "--customer", EDUCATION,
                            "--qualification", "GovernmentCommunityCloud", "--validation-code", DemoData.VALIDATION_CODE.value()));
                    steps.add(cli("async", "--base-url", url, "update", "--customer", DemoData.SECOND_FRESH_CUSTOMER.toString(),
                            "--qualification", "StateOwnedEntity", "--async"));
                    steps.add(cli("async-get", "--base-url", url, "get", "--async", "--customer",
                            DemoData.SECOND_FRESH_CUSTOMER.toString()));
                    return true;
                });

        assertThat(serverExit).isZero();
        assertThat(served.get().getHost()).isEqualTo("127.0.0.1");
        assertThat(serverOut.toString())
                .startsWith("Fake Partner Center listening on " + served.get())
                .contains(FRESH, EDUCATION, DemoData.VALIDATION_CODE.value())
                .endsWith("ttl reached; stopping" + System.lineSeparator());
        assertThat(steps).extracting(Step::name, Step::exitCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("codes", 0),
                org.assertj.core.groups.Tuple.tuple("update", 0),
                org.assertj.core.groups.Tuple.tuple("get", 0),
                org.assertj.core.groups.Tuple.tuple("repeat", 0),
                org.assertj.core.groups.Tuple.tuple("edu-to-gcc", 3),
                org.assertj.core.groups.Tuple.tuple("async", 0),
                org.assertj.core.groups.Tuple.tuple("async-get", 0));
        assertThat(steps.get(0).out()).contains(DemoData.VALIDATION_CODE.value() + "  remaining 5 of 5");
        assertThat(steps.get(1).out()).startsWith("Updated customer " + FRESH + " to Education");
        assertThat(steps.get(2).out()).startsWith("Customer " + FRESH + ": Education");
        assertThat(steps.get(3).out()).startsWith("Unchanged: customer " + FRESH + " already has Education");
        assertThat(steps.get(4).err()).startsWith("error: rejected: HTTP 403 (code 600006)");
        assertThat(steps.get(5).out()).contains("vetting InReview");
        assertThat(steps.get(6).out()).contains("StateOwnedEntity  InReview");
    }

    @Test
    void aGccUpdateThroughServeFake_isListedAmongTheCustomersValidations_asTheReadmeShows() {
        String customer = DemoData.SECOND_FRESH_CUSTOMER.toString();
        List<Step> steps = new ArrayList<>();

        int serverExit = QualificationCli.run(new String[] {"serve-fake", "--ttl", "600"}, Map.of(),
                DemoData::newDemoPartnerCenter, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, (baseUri, ttl) -> {
                    String url = baseUri.toString();
                    steps.add(cli("before", "--base-url", url, "get", "--customer", customer, "--validations"));
                    steps.add(cli("gcc", "--base-url", url, "update", "--customer", customer,
                            "--qualification", "GovernmentCommunityCloud", "--validation-code", DemoData.VALIDATION_CODE.value()));
                    steps.add(cli("after", "--base-url", url, "get", "--customer", customer, "--validations"));
                    return true;
                });

        assertThat(serverExit).isZero();
        assertThat(steps).extracting(Step::name, Step::exitCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("before", 0),
                org.assertj.core.groups.Tuple.tuple("gcc", 0),
                org.assertj.core.groups.Tuple.tuple("after", 0));
        assertThat(steps.get(0).out()).startsWith("Customer " + customer + ": no linked validations");
        assertThat(steps.get(2).out()).startsWith("Customer " + customer + ": 1 linked validation")
                .contains("  " + DemoData.VALIDATION_CODE.value() + "  Fake Partner, Inc.  partner ");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void moreSlowlorisConnectionsThanThreads_doNotStopServeFakeFromAnswering() {
        List<Socket> slowloris = new ArrayList<>();
        AtomicReference<Step> codes = new AtomicReference<>();

        int serverExit = QualificationCli.run(new String[] {"serve-fake", "--threads", "2", "--io-timeout-ms", "60000"},
                Map.of(), DemoData::newDemoPartnerCenter, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false,
                (baseUri, ttl) -> {
                    try {
                        for (int i = 0; i < 8; i++) {
                            Socket socket = new Socket(baseUri.getHost(), baseUri.getPort());
                            slowloris.add(socket);
                            socket.getOutputStream().write("GET /v1/customers/all/validations HTTP/1.1\r\nHost: x\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                        }
                        codes.set(cli("codes", "--base-url", baseUri.toString(), "codes"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        slowloris.forEach(socket -> {
                            try {
                                socket.close();
                            } catch (IOException ignored) {
                                // best effort
                            }
                        });
                    }
                    return true;
                });

        assertThat(serverExit).isZero();
        assertThat(codes.get().exitCode()).as(codes.get().err()).isZero();
        assertThat(codes.get().out()).contains(DemoData.VALIDATION_CODE.value());
    }

    @Test
    void anIoTimeoutOutOfRange_isAUsageError() {
        StringWriter err = new StringWriter();

        int code = QualificationCli.run(new String[] {"serve-fake", "--io-timeout-ms", "0"}, Map.of(),
                DemoData::newDemoPartnerCenter, new PrintWriter(new StringWriter()), new PrintWriter(err), false,
                (baseUri, ttl) -> true);

        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("--io-timeout-ms must be between 1 and 3600000, got 0");
    }

    @Test
    void aSeedFileThatIsNotValid_isAUsageError() {
        StringWriter err = new StringWriter();

        int code = QualificationCli.run(new String[] {"serve-fake", "--seed", "/nonexistent/seed.json"}, Map.of(),
                DemoData::newDemoPartnerCenter, new PrintWriter(new StringWriter()), new PrintWriter(err), false,
                (baseUri, ttl) -> true);

        assertThat(code).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("--seed /nonexistent/seed.json");
    }
}
