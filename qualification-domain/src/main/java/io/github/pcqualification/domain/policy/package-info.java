/**
 * Policies any port implementation honours: how to retry ({@link io.github.pcqualification.domain.policy.RetryPolicy}),
 * a gate shared by every request of a job ({@link io.github.pcqualification.domain.policy.RequestGate}) and how to
 * wait ({@link io.github.pcqualification.domain.policy.Sleeper}, injectable so tests never sleep).
 *
 * <pre>{@code
 * PartnerCenterQualifications.builder()
 *         .partnerCenter(baseUrl, tokens::current)
 *         .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(5)))
 *         .build();
 * }</pre>
 */
package io.github.pcqualification.domain.policy;
