package io.github.pcqualification.auth.msal;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads MSAL's serialized token cache ({@code ITokenCache.serialize()}): MSAL4J hands the refresh token Entra ID
 * returned to its cache but not to the caller, so the rotated one is read from there, from the
 * {@code "RefreshToken"} section's {@code "secret"}.
 */
final class MsalCacheJson {

    private MsalCacheJson() {}

    /**
     * The refresh tokens in a serialized cache.
     *
     * @param serialized what {@code tokenCache().serialize()} returned
     * @return the refresh tokens' secrets (empty when there is none, or the text is not a cache)
     */
    static List<String> refreshTokens(String serialized) {
        Map<String, Object> root = parse(serialized);
        Object section = root.get("RefreshToken");
        if (!(section instanceof Map<?, ?> entries)) {
            return List.of();
        }
        return entries.values().stream()
                .filter(Map.class::isInstance)
                .map(entry -> ((Map<?, ?>) entry).get("secret"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(secret -> !secret.isBlank())
                .collect(Collectors.toList());
    }

    /**
     * The one refresh token an exchange left in an otherwise empty cache.
     *
     * @return it, or empty when Entra ID returned none (the one sent stays valid) or the cache holds several
     */
    static Optional<String> onlyRefreshToken(String serialized) {
        List<String> all = refreshTokens(serialized);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** The JSON object, or an empty map if the text is not one (never an exception: the caller just finds nothing). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader reader = JsonProviders.createReader(json)) {
            reader.nextToken();
            Object value = reader.readUntyped();
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
