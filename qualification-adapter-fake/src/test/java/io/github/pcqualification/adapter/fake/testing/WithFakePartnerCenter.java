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
 * On a class or a method (the method's wins, whole: attributes are not merged).
 *
 * <p>What the fake holds when the test starts:
 * <ul>
 *   <li>{@code @WithFakePartnerCenter}: the demo data set
 *       ({@link io.github.pcqualification.adapter.fake.DemoData}), like {@code serve-fake} without
 *       {@code --seed};</li>
 *   <li>{@code @WithFakePartnerCenter(seedResource = "my-seed.json")}: only what the seed file holds,
 *       instead of the demo data, like {@code serve-fake --seed my-seed.json};</li>
 *   <li>{@code @WithFakePartnerCenter(seed = Seed.DEMO, seedResource = "extra.json")}: the demo data
 *       with the seed file's customers and codes added (they must not repeat a demo customer or code);</li>
 *   <li>{@code @WithFakePartnerCenter(seed = Seed.EMPTY)}: nothing; the test adds what it needs.</li>
 * </ul>
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
 *
 * <p>A seed resource that is missing, unreadable or not a valid seed file fails the test's parameter
 * resolution with a message naming the resource.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PartnerCenterFakeExtension.class)
public @interface WithFakePartnerCenter {

    /**
     * What the fake holds before the test starts, together with {@link #seedResource()}.
     *
     * @return the starting data; by default the seed resource if one is given, else the demo data
     */
    Seed seed() default Seed.DEFAULT;

    /**
     * A classpath resource in the seed file format (see
     * {@link io.github.pcqualification.adapter.fake.SeedFile}), read as {@code serve-fake --seed} reads
     * its file. With the default {@link #seed()} it replaces the demo data; with {@link Seed#DEMO} it is
     * added to it. A name without a leading {@code /} is taken from the class path's root.
     *
     * @return the resource's path on the test's class path; empty (the default) for none
     */
    String seedResource() default "";

    /**
     * Which API the injected use cases go through.
     *
     * @return {@link ApiMode#SYNCHRONOUS} unless the test asks for the asynchronous (vetted) API
     */
    ApiMode mode() default ApiMode.SYNCHRONOUS;

    /** The fake's starting data, read together with {@link WithFakePartnerCenter#seedResource()}. */
    enum Seed {
        /**
         * The seed resource if one is given, else the demo data: what {@code serve-fake} holds with and
         * without {@code --seed}.
         */
        DEFAULT,
        /**
         * {@link io.github.pcqualification.adapter.fake.DemoData}'s customers and codes, with the seed
         * resource's (if any) added to them.
         */
        DEMO,
        /** Nothing but the seed resource's data, if one is given: the test adds what it needs. */
        EMPTY
    }
}
