/**
 * Test support, shipped in the fake's test-jar ({@code <type>test-jar</type>}, test scope): the JUnit 5
 * extension that hands each test a fresh fake, and the abstract contract suite every adapter must pass.
 *
 * <pre>{@code
 * @WithFakePartnerCenter(seedResource = "my-seed.json")   // only my-seed.json, as serve-fake --seed
 * class OnboardingTest {
 *     @Test
 *     void tagsASchool(QualificationService service, InMemoryPartnerCenter partnerCenter) {
 *         service.update(QualificationRequest.education(MY_CUSTOMER));
 *         assertThat(partnerCenter.qualificationsOf(MY_CUSTOMER)).hasSize(1);
 *     }
 * }
 *
 * class MyAdapterContractTest extends QualificationPortContract {
 *     private final InMemoryPartnerCenter backend = new InMemoryPartnerCenter(new RecordingSleeper());
 *     protected InMemoryPartnerCenter backend() { return backend; }
 *     protected QualificationPort qualificationPort() { return adapterTalkingTo(backend); }
 *     protected ValidationCodePort validationCodePort() { return adapterTalkingTo(backend); }
 * }
 * }</pre>
 *
 * <p>A consumer adds the fake, its test-jar, {@code junit-jupiter} and {@code assertj-core} in test scope. The
 * class names follow Surefire's defaults ({@code *Test}), or Surefire runs none of their tests.
 *
 * <p>A package of its own so architecture rules can tell shipped test support from production code.
 */
package io.github.pcqualification.adapter.fake.testing;
