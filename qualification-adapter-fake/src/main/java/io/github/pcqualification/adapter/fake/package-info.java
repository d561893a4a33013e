/**
 * Adapter: an in-memory Partner Center ({@link io.github.pcqualification.adapter.fake.InMemoryPartnerCenter})
 * that implements the outbound ports with the service's own rules, for offline tests and demos.
 *
 * <pre>{@code
 * InMemoryPartnerCenter fake = new InMemoryPartnerCenter()
 *         .addCustomer(customer)                                   // holds nothing yet
 *         .addValidationCode(ValidationCode.of("GCC-1"), 5, 5)
 *         .failNext(1, Fault.throttled(Duration.ofSeconds(30)));   // scripted, deterministic
 * QualificationService service = new QualificationService(fake, fake, ApiMode.SYNCHRONOUS);
 *
 * service.update(QualificationRequest.education(customer));   // Unavailable(THROTTLED), retry after 30 s
 * service.update(QualificationRequest.education(customer));   // Updated(Education)
 * fake.qualificationsOf(customer);                            // [Education (Approved)]
 * }</pre>
 *
 * <p>{@link io.github.pcqualification.adapter.fake.DemoData} is the data set the CLI starts with.
 */
package io.github.pcqualification.adapter.fake;
