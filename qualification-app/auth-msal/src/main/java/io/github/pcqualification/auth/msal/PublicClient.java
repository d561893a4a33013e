package io.github.pcqualification.auth.msal;

import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.MalformedURLException;
import java.time.Duration;

/** A public client (a person's sign-in: no secret) whose token cache is a {@link TokenCacheFile}. */
final class PublicClient {

    private PublicClient() {}

    static PublicClientApplication application(TokenCacheFile.Settings settings, TokenCacheFile file, boolean fresh,
            Duration requestTimeout) throws MalformedURLException {
        PublicClientApplication.Builder builder = PublicClientApplication.builder(settings.clientId())
                .authority(Authorities.forMsal(settings.authority(), settings.tenant()))
                .setTokenCacheAccessAspect(file.aspect(settings, fresh))
                .executorService(MsalCalls.EXECUTOR)
                .connectTimeoutForDefaultHttpClient(MsalCalls.millis(requestTimeout))
                .readTimeoutForDefaultHttpClient(MsalCalls.millis(requestTimeout));
        if (!Authorities.isMicrosoftHost(settings.authority())) {
            builder.instanceDiscovery(false).validateAuthority(false);
        }
        return builder.build();
    }
}
