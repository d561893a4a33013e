package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.port.in.GetQualificationUseCase;
import io.github.pcqualification.domain.port.in.ListValidationCodesUseCase;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
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
 * (demo-seeded unless {@link WithFakePartnerCenter} says otherwise; scripted latency recorded by a
 * {@link RecordingSleeper}, never slept) and the use cases wired to it. Parameters it resolves:
 * {@link InMemoryPartnerCenter} (also as {@link QualificationPort} / {@link ValidationCodePort}),
 * {@link QualificationService} and its use-case interfaces, and the {@link RecordingSleeper}.
 */
public final class PartnerCenterFakeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PartnerCenterFakeExtension.class);

    private static final Set<Class<?>> RESOLVED = Set.of(InMemoryPartnerCenter.class, QualificationPort.class,
            ValidationCodePort.class, QualificationService.class, UpdateQualificationUseCase.class,
            GetQualificationUseCase.class, ListValidationCodesUseCase.class, RecordingSleeper.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType()) && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).getOrComputeIfAbsent(Fixture.class, k -> newFixture(context),
                Fixture.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RecordingSleeper.class) {
            return fixture.sleeper();
        }
        if (type == InMemoryPartnerCenter.class || type == QualificationPort.class || type == ValidationCodePort.class) {
            return fixture.partnerCenter();
        }
        return fixture.service();
    }

    private static Fixture newFixture(ExtensionContext context) {
        WithFakePartnerCenter settings = find(context.getTestMethod())
                .or(() -> context.getTestClass().flatMap(PartnerCenterFakeExtension::findOnClass))
                .orElse(null);
        RecordingSleeper sleeper = new RecordingSleeper();
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(sleeper);
        if (settings == null || settings.seed() == WithFakePartnerCenter.Seed.DEMO) {
            DemoData.seed(fake);
        }
        if (settings != null && !settings.seedResource().isEmpty()) {
            SeedResources.apply(fake, settings.seedResource(), context.getRequiredTestClass());
        }
        ApiMode mode = settings == null ? ApiMode.SYNCHRONOUS : settings.mode();
        return new Fixture(fake, sleeper, new QualificationService(fake, fake, mode));
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

    private record Fixture(InMemoryPartnerCenter partnerCenter, RecordingSleeper sleeper, QualificationService service) {}

    /** Used only to report a resource that cannot be read. */
    static ParameterResolutionException cannotSeed(String message, Throwable cause) {
        return new ParameterResolutionException(message, cause);
    }
}
