/**
 * Observations of the embedding API, for platforms that run Micrometer (or OpenTelemetry through Micrometer's
 * bridge): the names and keys ({@link io.github.pcqualification.app.observation.QualificationObservationDocumentation}),
 * the contexts handlers see, and the conventions that turn them into keys, each replaceable. Optional: only a
 * client built with an {@code ObservationRegistry} loads these classes, and without Micrometer on the class path
 * the library works unchanged.
 *
 * <pre>{@code
 * PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
 *         .partnerCenter(baseUrl, tokens)
 *         .observationRegistry(registry)              // such as Spring Boot's
 *         .build();
 * }</pre>
 */
package io.github.pcqualification.app.observation;
