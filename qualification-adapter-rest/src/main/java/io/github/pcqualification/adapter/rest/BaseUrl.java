package io.github.pcqualification.adapter.rest;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.net.URI;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where Partner Center is: {@code https}, or plain {@code http} to a loopback host only, never with credentials, a
 * query or a fragment, so a token cannot travel anywhere else or in clear over a network.
 */
final class BaseUrl {

    private BaseUrl() {}

    /** The base URL as OkHttp takes it, after the checks that keep a token on the configured host. */
    static HttpUrl validated(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        checkArgument(uri.isAbsolute() && uri.getHost() != null,
                "baseUrl must be an absolute URL with a host, such as https://api.partnercenter.microsoft.com, got '%s'", uri);
        checkArgument(scheme.equals("https") || scheme.equals("http"),
                "baseUrl must use https, got '%s'", uri);
        checkArgument(scheme.equals("https") || isLoopback(uri.getHost()),
                "baseUrl must use https; plain http is allowed only to a loopback host (127.0.0.1, localhost, ::1), got '%s'", uri);
        checkArgument(uri.getRawUserInfo() == null, "baseUrl must not carry credentials");
        checkArgument(uri.getRawQuery() == null && uri.getRawFragment() == null,
                "baseUrl must not have a query or fragment, got '%s'", uri);
        String text = uri.toString();
        HttpUrl url = HttpUrl.parse(text.endsWith("/") ? text : text + "/");
        checkState(url != null, "baseUrl could not be read: '%s'", uri);
        return url;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
    }
}
