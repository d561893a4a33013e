package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings every token source's builder checks where it is given (authority, tenant, client id, scope, renewal
 * margin, timeouts), at their edges: what is just allowed and what is just refused, with the message that says why.
 */
class TokenSourceSettingsTest {

    private static final String GUID = "8a6a3b2c-1d4e-4f50-9a1b-2c3d4e5f6a7b";

    @Test
    void anAuthority_isLowerCased_andLosesATrailingSlash_keepingItsPort() {
        DeviceCodeLogin login = DeviceCodeLogin.builder().authority(URI.create("HTTPS://Login.Example.COM:8443/"))
                .clientId(GUID).tokenCache(TokenCacheFile.at(Path.of("cache.json"))).prompt(m -> { }).build();

        assertThat(login.toString()).contains("authority=https://login.example.com:8443,");
        assertThat(Authorities.check(URI.create("https://login.example.com"))).hasToString("https://login.example.com");
    }

    @Test
    void anAuthorityThatIsNotHttps_isRefused_namingItsScheme() {
        assertThatThrownBy(() -> DeviceCodeLogin.builder().authority(URI.create("http://login.example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the authority must be an https URL such as https://login.microsoftonline.com, got scheme http");
    }

    @Test
    void anAuthorityWithoutAHost_isRefused() {
        assertThatThrownBy(() -> Authorities.check(URI.create("https:/only/a/path")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name a host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@login.example.com", "https://login.example.com?x=1",
        "https://login.example.com#frag"})
    void anAuthorityWithUserInfoQueryOrFragment_isRefused(String authority) {
        assertThatThrownBy(() -> AppOnlyTokens.builder().authority(URI.create(authority)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a bare https URL");
    }

    @Test
    void anAuthorityWithATenantPath_isRefused_sayingTheTenantIsSeparate() {
        assertThatThrownBy(() -> Authorities.check(URI.create("https://login.example.com/contoso.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the tenant is given separately, got path /contoso.com");
    }

    @Test
    void theHost_isTheRawAuthority_andMsalsAuthorityAddsTheTenant() {
        URI authority = URI.create("https://login.example.com:8443");

        assertThat(Authorities.host(authority)).isEqualTo("login.example.com:8443");
        assertThat(Authorities.forMsal(authority, "contoso.com")).isEqualTo("https://login.example.com:8443/contoso.com/");
    }

    @Test
    void instanceDiscovery_isOnlyForMicrosoftsHosts_onTheirDefaultPort() {
        assertThat(Authorities.isMicrosoftHost(URI.create("https://login.microsoftonline.com"))).isTrue();
        assertThat(Authorities.isMicrosoftHost(URI.create("https://LOGIN.MicrosoftOnline.us"))).isTrue();
        assertThat(Authorities.isMicrosoftHost(URI.create("https://login.microsoftonline.com:443"))).isFalse();
        assertThat(Authorities.isMicrosoftHost(URI.create("https://login.example.com"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {GUID, "contoso.onmicrosoft.com", "organizations", "a"})
    void aTenantIdDomainOrOrganizations_isAccepted(String tenant) {
        assertThat(Authorities.checkTenant(tenant)).isEqualTo(tenant);
    }

    @Test
    void aTenantOf253Characters_isAccepted_254IsNot() {
        assertThat(Authorities.checkTenant("a".repeat(253))).hasSize(253);
        assertThatThrownBy(() -> Authorities.checkTenant("a".repeat(254))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-contoso", "contoso..com", "contoso/com", "con toso", ".contoso"})
    void aTenantThatCannotBeAPathSegment_isRefused(String tenant) {
        assertThatThrownBy(() -> DeviceCodeLogin.builder().tenant(tenant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the tenant must be the partner tenant's id (a GUID) or a verified domain");
    }

    @Test
    void aClientIdOf128Characters_isAccepted_129IsNot() {
        assertThat(Authorities.checkClientId("c".repeat(128))).hasSize(128);
        assertThatThrownBy(() -> Authorities.checkClientId("c".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the client id must be the app registration's application (client) id, a GUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".abc", "a b", "a&b=c"})
    void aClientIdThatCouldBreakAForm_isRefused(String clientId) {
        assertThatThrownBy(() -> AppOnlyTokens.builder().clientId(clientId)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renewBefore_isZeroToOneHour_inclusive() {
        assertThat(SettingChecks.renewBefore(Duration.ZERO)).isZero();
        assertThat(SettingChecks.renewBefore(Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> SignedInUserTokens.builder().renewBefore(Duration.ofHours(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("renewBefore must be between zero and one hour, got ");
        assertThatThrownBy(() -> AppOnlyTokens.builder().renewBefore(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingChecks.renewBefore(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("renewBefore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "!", "~", "https://api.partnercenter.microsoft.com/user_impersonation"})
    void aScopeOfVisibleAscii_isAccepted(String scope) {
        assertThat(SettingChecks.scope(scope)).isEqualTo(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a b", "a\u007fb", "a\u0000b", "caf\u00e9"})
    void aScopeWithSpacesControlsOrNonAscii_isRefused(String scope) {
        assertThatThrownBy(() -> SignedInUserTokens.builder().scope(scope))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the scope must be one scope, visible ASCII without spaces");
    }

    @Test
    void theRequestTimeout_isMoreThanZero_atMostTenMinutes() {
        assertThat(SettingChecks.requestTimeout(Duration.ofNanos(1))).isEqualTo(Duration.ofNanos(1));
        assertThat(SettingChecks.requestTimeout(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        for (Duration refused : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(10).plusNanos(1)}) {
            assertThatThrownBy(() -> DeviceCodeLogin.builder().requestTimeout(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the request timeout must be more than zero and at most 10 minutes, got ");
        }
        assertThatThrownBy(() -> SettingChecks.requestTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theSignInTimeout_isMoreThanZero_atMostOneHour() {
        DeviceCodeLogin.Builder builder = DeviceCodeLogin.builder();

        assertThat(builder.timeout(Duration.ofHours(1))).isSameAs(builder);
        assertThat(builder.timeout(Duration.ofNanos(1))).isSameAs(builder);
        for (Duration refused : new Duration[] {Duration.ZERO, Duration.ofMinutes(-1), Duration.ofHours(1).plusNanos(1)}) {
            assertThatThrownBy(() -> builder.timeout(refused)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the sign-in timeout must be more than zero and at most one hour, got ");
        }
    }

    @Test
    void aDeviceCodeSignIn_namesEverySettingItMisses() {
        assertThatThrownBy(() -> DeviceCodeLogin.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a device-code sign-in needs clientId, tokenCache, prompt");
        assertThatThrownBy(() -> DeviceCodeLogin.builder().clientId(GUID).build())
                .hasMessage("a device-code sign-in needs tokenCache, prompt");
        assertThatThrownBy(() -> DeviceCodeLogin.builder().clientId(GUID).prompt(m -> { }).build())
                .hasMessage("a device-code sign-in needs tokenCache");
        assertThatThrownBy(() -> DeviceCodeLogin.builder().tokenCache(TokenCacheFile.at(Path.of("c"))).prompt(m -> { })
                .build()).hasMessage("a device-code sign-in needs clientId");
    }

    @Test
    void aDeviceCodeSignIn_tellsItsSetup_withTheDefaults() {
        Path cache = Path.of("cache.json").toAbsolutePath();

        DeviceCodeLogin login = DeviceCodeLogin.builder().clientId(GUID).tokenCache(TokenCacheFile.at(cache))
                .prompt(m -> { }).build();

        assertThat(login).hasToString("DeviceCodeLogin[authority=https://login.microsoftonline.com, tenant=organizations,"
                + " clientId=" + GUID + ", tokenCache=" + cache + "]");
        assertThat(DeviceCodeLogin.DEFAULT_TIMEOUT).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void signedInUserTokens_needATokenCache_andRefuseABlankHint() {
        assertThatThrownBy(() -> SignedInUserTokens.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("signed-in user tokens need the tokenCache the sign-in was kept in");
        assertThatThrownBy(() -> SignedInUserTokens.builder().signInAgain(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("signInAgain must not be blank");
        assertThatThrownBy(() -> SignedInUserTokens.builder().clock(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void signedInUserTokens_tellTheirCacheAndScope() {
        Path cache = Path.of("kept.json").toAbsolutePath();

        SignedInUserTokens tokens = SignedInUserTokens.builder().tokenCache(TokenCacheFile.at(cache)).scope("my-scope")
                .build();

        assertThat(tokens).hasToString("SignedInUserTokens[tokenCache=" + cache + ", scope=my-scope]");
    }

    @Test
    void appOnlyTokens_nameEverythingMissing_andRefuseBothCredentials() throws Exception {
        assertThatThrownBy(() -> AppOnlyTokens.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("App-only tokens needs tenantId, clientId, clientSecret or certificate");
        assertThatThrownBy(() -> AppOnlyTokens.builder().tenantId(GUID).clientSecret("secret-123456").build())
                .hasMessage("App-only tokens needs clientId");
        assertThatThrownBy(() -> AppOnlyTokens.builder().clientSecret(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the client secret must not be blank");
    }

    @Test
    void appOnlyTokens_tellTheirSetup_withTheDefaultScope_butNeverTheSecret() {
        AppOnlyTokens tokens = AppOnlyTokens.builder().tenantId(GUID).clientId(GUID).clientSecret("secret-value-1234")
                .build();

        assertThat(tokens).hasToString("AppOnlyTokens[authority=https://login.microsoftonline.com, tenantId=" + GUID
                + ", clientId=" + GUID + ", credential=client secret <redacted>, scope="
                + AppOnlyTokens.PARTNER_CENTER_DEFAULT + "]");
    }
}
