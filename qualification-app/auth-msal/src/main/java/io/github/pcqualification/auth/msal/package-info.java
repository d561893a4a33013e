/**
 * Optional token sources for Partner Center, built on MSAL4J; each implements the domain's
 * {@link io.github.pcqualification.domain.port.out.AccessTokenPort}, so the rest of the library never sees MSAL.
 *
 * <ul>
 *   <li>{@link io.github.pcqualification.auth.msal.SecureApplicationModelTokens}: App+User tokens from a partner
 *       user's refresh token (the Secure Application Model), for platforms; updates and reads.</li>
 *   <li>{@link io.github.pcqualification.auth.msal.AppOnlyTokens}: App-only tokens (client credentials); reads
 *       only.</li>
 *   <li>{@link io.github.pcqualification.auth.msal.DeviceCodeLogin} and
 *       {@link io.github.pcqualification.auth.msal.SignedInUserTokens}: a person signs in once with a device code;
 *       later runs take tokens silently from a {@link io.github.pcqualification.auth.msal.TokenCacheFile} only that
 *       user can read.</li>
 * </ul>
 *
 * <pre>{@code
 * AccessTokenPort tokens = SecureApplicationModelTokens.builder()
 *         .tenantId(partnerTenantId).clientId(appId).clientSecret(appSecret)
 *         .refreshToken(storedRefreshToken)
 *         .onRefreshTokenRotated(store::saveRefreshToken)
 *         .build();
 * }</pre>
 *
 * <p>Every source caches its access token, renews it before it expires with one request at a time, bounds each call
 * to the token endpoint, and reports credential failures as
 * {@link io.github.pcqualification.domain.outcome.CredentialProblem}s, never as exceptions and never with a secret,
 * refresh token or access token in any message, {@code toString} or log line. MSAL's own HTTP client is used, so TLS
 * trust is the JVM's default trust store ({@code -Djavax.net.ssl.trustStore} works).
 */
package io.github.pcqualification.auth.msal;
