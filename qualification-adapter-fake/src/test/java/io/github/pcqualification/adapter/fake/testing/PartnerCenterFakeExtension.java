package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.GetQualificationUseCase;
import io.github.pcqualification.domain.port.in.ListValidationCodesUseCase;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.policy.ResilientPorts;
import io.github.pcqualification.domain.policy.RetryPolicy;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.service.QualificationService;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Test support: a JUnit 5 extension that resolves, per test, one fresh {@link InMemoryPartnerCenter}
 * (seeded as {@link WithFakePartnerCenter} says: the demo data without it) and the use cases wired to it as the
 * library wires Partner Center: behind {@link ResilientPorts} with the default {@link RetryPolicy}, so a scripted
 * throttling is waited out and retried as in production. Time is virtual: one {@link RecordingSleeper} takes every
 * wait (retries, {@code Retry-After}, scripted latency) and never sleeps. Parameters it resolves:
 * {@link InMemoryPartnerCenter} (the fake itself, for seeding, scripting and assertions), {@link QualificationPort}
 * and {@link ValidationCodePort} (the fake behind the decorator), {@link QualificationService} and its use-case
 * interfaces, and the {@link RecordingSleeper}.
 * Registered by {@link WithFakePartnerCenter}, or directly with {@code @ExtendWith}.
 */
public final class PartnerCenterFakeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PartnerCenterFakeExtension.class);

    private static final Set<Class<?>> RESOLVED = Set.of(InMemoryPartnerCenter.class, QualificationPort.class,
            ValidationCodePort.class, QualificationService.class, UpdateQualificationUseCase.class,
            GetQualificationUseCase.class, ListValidationCodesUseCase.class, RecordingSleeper.class);

    /** Creates the extension; JUnit does, for {@link WithFakePartnerCenter} or {@code @ExtendWith}. */
    public PartnerCenterFakeExtension() {}

    /**
     * Whether this extension resolves the parameter: one of the types listed on the class, in a test
     * method or a {@code @BeforeEach}/{@code @AfterEach} method.
     *
     * @param parameter the parameter to resolve
     * @param context the test's context
     * @return true for a resolved type inside a test's lifecycle
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType()) && context.getTestMethod().isPresent();
    }

    /**
     * The test's fake, its use cases or its sleeper: created on first use in a test, then the same
     * instance for every parameter of that test.
     *
     * @param parameter the parameter to resolve
     * @param context the test's context
     * @return the fake, the use cases wired to it, or the recording sleeper
     * @throws ParameterResolutionException if the seed resource is missing or not a valid seed file
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).getOrComputeIfAbsent(Fixture.class, k -> newFixture(context),
                Fixture.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RecordingSleeper.class) {
            return fixture.sleeper();
        }
        if (type == InMemoryPartnerCenter.class) {
            return fixture.partnerCenter();
        }
        if (type == QualificationPort.class || type == ValidationCodePort.class) {
            return fixture.ports();
        }
        return fixture.service();
    }

    private static Fixture newFixture(ExtensionContext context) {
        WithFakePartnerCenter settings = find(context.getTestMethod())
                .or(() -> context.getTestClass().flatMap(PartnerCenterFakeExtension::findOnClass))
                .orElse(null);
        RecordingSleeper sleeper = new RecordingSleeper();
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(sleeper);
        String resource = settings == null ? "" : settings.seedResource();
        WithFakePartnerCenter.Seed seed = settings == null ? WithFakePartnerCenter.Seed.DEFAULT : settings.seed();
        // As serve-fake: a seed file instead of the demo data, unless the test asks for both (Seed.DEMO).
        boolean demo = seed == WithFakePartnerCenter.Seed.DEMO
                || (seed == WithFakePartnerCenter.Seed.DEFAULT && resource.isEmpty());
        if (demo) {
            DemoData.seed(fake);
        }
        if (!resource.isEmpty()) {
            SeedResources.apply(fake, resource, context.getRequiredTestClass());
        }
        ApiMode mode = settings == null ? ApiMode.SYNCHRONOUS : settings.mode();
        ResilientPorts ports = ResilientPorts.over(fake).retryPolicy(RetryPolicy.defaults()).sleeper(sleeper)
                .clock(sleeper.clock()).build();
        return new Fixture(fake, sleeper, ports, new QualificationService(ports, ports, mode));
    }

    private static Optional<WithFakePartnerCenter> find(Optional<? extends AnnotatedElement> element) {
        return AnnotationSupport.findAnnotation(element, WithFakePartnerCenter.class);
    }

    /** The annotation on the class or, for a nested test class, on an enclosing one. */
    private static Optional<WithFakePartnerCenter> findOnClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<WithFakePartnerCenter> found = AnnotationSupport.findAnnotation(c, WithFakePartnerCenter.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private record Fixture(InMemoryPartnerCenter partnerCenter, RecordingSleeper sleeper, ResilientPorts ports,
            QualificationService service) {}

    /** Used only to report a resource that cannot be read. */
    static ParameterResolutionException cannotSeed(String message, Throwable cause) {
        return new ParameterResolutionException(message, cause);
    }
}
