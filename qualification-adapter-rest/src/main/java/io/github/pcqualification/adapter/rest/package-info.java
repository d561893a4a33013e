/**
 * Adapter: Partner Center's qualification REST endpoints behind the domain's outbound ports.
 *
 * <pre>{@code
 * try (RestQualificationAdapter rest = RestQualificationAdapter.builder()
 *         .baseUrl(URI.create("https://api.partnercenter.microsoft.com"))
 *         .accessTokens(AccessTokenPort.of(() -> myTokenCache.appUserToken()))
 *         .applicationName("Contoso onboarding")
 *         .retryPolicy(RetryPolicy.defaults())
 *         .build()) {
 *     QualificationService service = new QualificationService(rest, rest, ApiMode.SYNCHRONOUS);
 *     UpdateOutcome outcome = service.update(QualificationRequest.education(CustomerId.parse(id)));
 * }
 * }</pre>
 *
 * <p>Only {@link io.github.pcqualification.adapter.rest.RestQualificationAdapter} and its builder and
 * nothing else is public (tokens, retry policy, request gate and sleeper are the domain's); the Retrofit interface, the JSON records and the translation table stay inside.
 */
package io.github.pcqualification.adapter.rest;
