package io.github.pcqualification.cli.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark: the REST adapter's parser ({@code WireFormat}, package-private) on each response shape.
 *
 * <p>It is reached through {@code static final} method handles: JMH is wired into this module's test
 * sources only, and a class in the adapter's package here would split the package. A constant method
 * handle is inlined by the JIT like a direct call, so the figures are the parser's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class ResponseParsingBenchmark {

    private static final String WIRE_FORMAT = "io.github.pcqualification.adapter.rest.WireFormat";
    private static final MethodHandle NEW_WIRE_FORMAT;
    private static final MethodHandle PARSE_SYNC_VALUE;
    private static final MethodHandle PARSE_QUALIFICATIONS;
    private static final MethodHandle PARSE_CODES;
    private static final MethodHandle PARSE_ERROR;

    static {
        try {
            Class<?> wire = Class.forName(WIRE_FORMAT);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Constructor<?> constructor = wire.getDeclaredConstructor();
            constructor.setAccessible(true);
            NEW_WIRE_FORMAT = lookup.unreflectConstructor(constructor);
            PARSE_SYNC_VALUE = handle(lookup, wire, "parseSyncValue");
            PARSE_QUALIFICATIONS = handle(lookup, wire, "parseQualifications");
            PARSE_CODES = handle(lookup, wire, "parseCodes");
            PARSE_ERROR = handle(lookup, wire, "parseError");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle handle(MethodHandles.Lookup lookup, Class<?> owner, String name)
            throws ReflectiveOperationException {
        Method method = owner.getDeclaredMethod(name, String.class);
        method.setAccessible(true);
        return lookup.unreflect(method);
    }

    // the bodies, as Partner Center sends them (spec section 3); not final, so never constant-folded
    private String syncString = "\"education\"";
    private String asyncObject = "{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\","
            + "\"vettingReason\":\"Pending review\",\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"}";
    private String asyncWrapper = "{\"qualifications\":[{\"qualification\":\"Education\",\"vettingStatus\":\"Approved\","
            + "\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"},{\"qualification\":\"StateOwnedEntity\","
            + "\"vettingStatus\":\"InReview\",\"vettingCreatedDate\":\"2021-01-10T08:00:00Z\"}]}";
    private String bareArray = "[{\"qualification\":\"Education\",\"vettingStatus\":\"InReview\","
            + "\"vettingReason\":\"\",\"vettingCreateDate\":\"2020-12-04T20:54:24Z\"}]";
    private String codesList = "[{\"partnerId\":\"3b33e682-00c3-41ee-9dd2-a548adf56438\",\"organizationName\":\"Contoso\","
            + "\"validationId\":\"12345\",\"maxCreates\":5,\"remainingCreates\":3,\"eTag\":\"W/\\\"0x1\\\"\"},"
            + "{\"partnerId\":\"3b33e682-00c3-41ee-9dd2-a548adf56438\",\"organizationName\":\"Contoso\","
            + "\"validationId\":\"DEMO-GCC-12345\",\"maxCreates\":5,\"remainingCreates\":0,\"eTag\":\"W/\\\"0x2\\\"\"}]";
    private String apiFault = "{\"code\":600051,\"description\":\"The customer is not eligible for this qualification.\","
            + "\"data\":[],\"source\":\"PartnerFD\"}";

    private Object wire;

    @Setup
    public void create() throws Throwable {
        wire = NEW_WIRE_FORMAT.invoke();
        for (String body : List.of(syncString, asyncObject, asyncWrapper, bareArray, codesList)) {
            Optional<?> parsed = (Optional<?>) (body == syncString ? PARSE_SYNC_VALUE.invoke(wire, body)
                    : body == codesList ? PARSE_CODES.invoke(wire, body) : PARSE_QUALIFICATIONS.invoke(wire, body));
            if (parsed.isEmpty()) {
                throw new IllegalStateException("the parser refused a valid body: " + body);
            }
        }
        if (!PARSE_ERROR.invoke(wire, apiFault).toString().contains("600051")) {
            throw new IllegalStateException("the ApiFault body was not read");
        }
    }

    /** Sync GET/PUT answer: a bare JSON string. */
    @Benchmark
    public Object syncString() throws Throwable {
        return PARSE_SYNC_VALUE.invoke(wire, syncString);
    }

    /** Async POST answer ({@code 201}): one qualification object with its vetting. */
    @Benchmark
    public Object asyncObject() throws Throwable {
        return PARSE_QUALIFICATIONS.invoke(wire, asyncObject);
    }

    /** Async GET answer: {@code {"qualifications":[...]}} with two entries. */
    @Benchmark
    public Object asyncWrapper() throws Throwable {
        return PARSE_QUALIFICATIONS.invoke(wire, asyncWrapper);
    }

    /** Async answer as a bare array of one entry. */
    @Benchmark
    public Object bareArray() throws Throwable {
        return PARSE_QUALIFICATIONS.invoke(wire, bareArray);
    }

    /** Validation codes: a bare array of two codes. */
    @Benchmark
    public Object codesList() throws Throwable {
        return PARSE_CODES.invoke(wire, codesList);
    }

    /** An error answer: the documented ApiFault body. */
    @Benchmark
    public Object apiFault() throws Throwable {
        return PARSE_ERROR.invoke(wire, apiFault);
    }
}
