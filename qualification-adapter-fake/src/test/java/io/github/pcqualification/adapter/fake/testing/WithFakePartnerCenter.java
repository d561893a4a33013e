package io.github.pcqualification.adapter.fake.testing;

import io.github.pcqualification.domain.model.ApiMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test support: gives each test (method parameters, also of {@code @BeforeEach}) a fresh
 * {@link io.github.pcqualification.adapter.fake.InMemoryPartnerCenter} and the use cases wired to it.
 * On a class or a method (the method's wins).
 *
 * <pre>{@code
 * @WithFakePartnerCenter
 * class OnboardingTest {
 *     @Test
 *     void tagsASchool(QualificationService service, InMemoryPartnerCenter partnerCenter) {
 *         UpdateOutcome outcome = service.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));
 *         assertThat(outcome).isInstanceOf(Updated.class);
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PartnerCenterFakeExtension.class)
public @interface WithFakePartnerCenter {

    /** What the fake holds when the test starts. */
    Seed seed() default Seed.DEMO;

    /**
     * A classpath resource in the seed file format (see {@code SeedFile}) added after {@link #seed()};
     * empty for none.
     */
    String seedResource() default "";

    /** Which API the injected use cases go through. */
    ApiMode mode() default ApiMode.SYNCHRONOUS;

    /** The fake's starting data. */
    enum Seed {
        /** {@link io.github.pcqualification.adapter.fake.DemoData}'s customers and codes. */
        DEMO,
        /** Nothing: the test adds what it needs. */
        EMPTY
    }
}
