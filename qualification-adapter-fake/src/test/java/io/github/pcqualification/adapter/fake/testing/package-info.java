/**
 * Test support, shipped in the fake's test-jar ({@code <type>test-jar</type>}, test scope): the JUnit 5
 * extension that hands each test a fresh fake, and the abstract contract suite every adapter must pass.
 *
 * <pre>{@code
 * @WithFakePartnerCenter(seed = Seed.DEMO, mode = ApiMode.SYNCHRONOUS)
 * class OnboardingIT {
 *     @Test
 *     void tagsASchool(QualificationService service, InMemoryPartnerCenter partnerCenter) {
 *         service.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER));
 *         assertThat(partnerCenter.qualificationsOf(DemoData.FRESH_CUSTOMER)).hasSize(1);
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
 * <p>A package of its own so architecture rules can tell shipped test support from production code.
 */
package io.github.pcqualification.adapter.fake.testing;
