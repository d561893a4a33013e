package io.github.pcqualification.auth.msal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sign-in authority (Entra ID's host for one cloud) and the tenant, checked once, where the builders take them.
 * MSAL's instance discovery (a request to {@code login.microsoftonline.com}) stays on for Microsoft's own hosts, as
 * MSAL intends, and is off for any other host (a proxy, a test endpoint), which then is used exactly as given.
 */
final class Authorities {

    /** Entra ID's global cloud. 21Vianet: {@code https://login.chinacloudapi.cn}; US Government: {@code https://login.microsoftonline.us}. */
    static final URI DEFAULT = URI.create("https://login.microsoftonline.com");

    /** Hosts MSAL knows; instance discovery is only asked about these. */
    private static final Set<String> MICROSOFT_HOSTS = Set.of("login.microsoftonline.com", "login.microsoft.com",
            "login.windows.net", "sts.windows.net", "login.microsoftonline.us", "login.usgovcloudapi.net",
            "login.chinacloudapi.cn", "login.partner.microsoftonline.cn", "login.microsoftonline.de");
    /** A tenant id (GUID), a verified domain, or {@code organizations}/{@code common}: it becomes a path segment. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    /** Application (client) ids are GUIDs; allow what Entra ID could plausibly name an app, nothing that breaks a form. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Authorities() {}

    /**
     * The authority's base URL ({@code https}, a host, no path, query, fragment or user info).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static URI check(URI authority) {
        checkNotNull(authority, "authority");
        checkArgument("https".equalsIgnoreCase(authority.getScheme()),
                "the authority must be an https URL such as %s, got scheme %s", DEFAULT, authority.getScheme());
        checkArgument(authority.getHost() != null && !authority.getHost().isEmpty(),
                "the authority must name a host, such as %s", DEFAULT);
        checkArgument(authority.getRawUserInfo() == null && authority.getRawQuery() == null
                        && authority.getRawFragment() == null,
                "the authority must be a bare https URL (no user info, query or fragment), such as %s", DEFAULT);
        String path = authority.getRawPath();
        checkArgument(path == null || path.isEmpty() || path.equals("/"),
                "the authority is the sign-in host only, such as %s; the tenant is given separately, got path %s",
                DEFAULT, path);
        return URI.create("https://" + authority.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /** The authority's host, for messages. */
    static String host(URI authority) {
        return authority.getRawAuthority();
    }

    /** @throws IllegalArgumentException if {@code tenant} cannot be a tenant id or domain */
    static String checkTenant(String tenant) {
        checkNotNull(tenant, "tenantId");
        checkArgument(TENANT.matcher(tenant).matches() && !tenant.contains(".."),
                "the tenant must be the partner tenant's id (a GUID) or a verified domain such as contoso.onmicrosoft.com");
        return tenant;
    }

    /** @throws IllegalArgumentException if {@code clientId} cannot be an application (client) id */
    static String checkClientId(String clientId) {
        checkNotNull(clientId, "clientId");
        checkArgument(CLIENT_ID.matcher(clientId).matches(),
                "the client id must be the app registration's application (client) id, a GUID");
        return clientId;
    }

    /** MSAL's authority string: the base URL and the tenant. */
    static String forMsal(URI authority, String tenant) {
        return authority + "/" + tenant + "/";
    }

    /** Whether MSAL may ask Microsoft's instance discovery about this host. */
    static boolean isMicrosoftHost(URI authority) {
        return authority.getPort() == -1 && MICROSOFT_HOSTS.contains(authority.getHost().toLowerCase(Locale.ROOT));
    }
}
