package com.contoso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcqualification.adapter.fake.DemoData;
import io.github.pcqualification.adapter.fake.server.FakePartnerCenterServer;
import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.auth.msal.SecureApplicationModelTokens;
import io.github.pcqualification.cli.auth.LoopbackEntraId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Secure Application Model in five lines", compiled and run from a platform's package: against the
 * served fake and a loopback token endpoint (the one line added is the authority, which the README leaves at
 * Entra ID's default).
 */
class ReadmeSecureApplicationModelExampleTest {

    @RegisterExtension
    final LoopbackEntraId entraId = new LoopbackEntraId("readme-");

    @Test
    void theReadmeSnippet_updatesACustomer_andPersistsTheRotatedRefreshToken() throws Exception {
        Map<String, String> vault = new HashMap<>(Map.of("pc-app-secret", "readme-secret-value",
                "pc-refresh-token", "readme-refresh-0"));
        String partnerTenantId = "contoso.onmicrosoft.com";
        String appId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

        try (FakePartnerCenterServer server = FakePartnerCenterServer.start(DemoData.newDemoPartnerCenter(), 0)) {
            URI PARTNER_CENTER_URL = server.baseUri();

            AccessTokenPort tokens = SecureApplicationModelTokens.builder()
                    .authority(entraId.authority())                                    // not in the README: a test endpoint
                    .tenantId(partnerTenantId).clientId(appId).clientSecret(vault.get("pc-app-secret"))
                    .refreshToken(vault.get("pc-refresh-token"))
                    .onRefreshTokenRotated(rotated -> vault.put("pc-refresh-token", rotated))
                    .build();
            try (PartnerCenterQualifications pc = PartnerCenterQualifications.builder()
                    .partnerCenter(PARTNER_CENTER_URL, tokens).build()) {

                assertThat(pc.update(QualificationRequest.education(DemoData.FRESH_CUSTOMER))).isInstanceOf(Updated.class);
            }
        }

        assertThat(vault).containsEntry("pc-refresh-token", "readme-refresh-1");
    }
}
