package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration mistakes fail at build time with a message that says what to fix. */
class BuilderTest {

    private static RestQualificationAdapter.Builder valid() {
        return RestQualificationAdapter.builder()
                .baseUrl(URI.create("https://api.partnercenter.microsoft.com"))
                .accessTokens(AccessTokenPort.of(() -> "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.partnercenter.microsoft.com", "https://partner.partnercenterapi.microsoftonline.cn/",
            "https://gateway.example/partner-center/", "http://127.0.0.1:8080", "http://localhost:9000/pc", "http://[::1]:8443/",
            "HTTP://LOCALHOST:1"})
    void httpsAnywhere_andHttpToLoopback_areAccepted(String url) {
        assertThatCode(() -> valid().baseUrl(URI.create(url)).build().close()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.partnercenter.microsoft.com", "http://10.0.0.5:8080", "http://127.0.0.2",
            "http://localhost.evil.example", "http://0.0.0.0:80"})
    void plainHttpToAnyOtherHost_isRefused(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().baseUrl(URI.create(url)).build())
                .withMessageContaining("https")
                .withMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.partnercenter.microsoft.com", "api.partnercenter.microsoft.com", "/v1",
            "https://user:pw@api.partnercenter.microsoft.com", "https://api.partnercenter.microsoft.com/?x=1",
            "https://api.partnercenter.microsoft.com/#frag"})
    void otherUnusableBaseUrls_areRefused(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().baseUrl(URI.create(url)).build())
                .withMessageContaining("baseUrl");
    }

    @Test
    void missingBaseUrl_isNamed() {
        assertThatNullPointerException()
                .isThrownBy(() -> RestQualificationAdapter.builder().accessTokens(AccessTokenPort.of(() -> "t")).build())
                .withMessageContaining("baseUrl");
    }

    @Test
    void missingAccessTokens_isNamed() {
        assertThatNullPointerException()
                .isThrownBy(() -> RestQualificationAdapter.builder().baseUrl(URI.create("https://a.example")).build())
                .withMessageContaining("accessTokens");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -1000})
    void nonPositiveTimeouts_areRefused(long millis) {
        Duration d = Duration.ofMillis(millis);

        assertThatIllegalArgumentException().isThrownBy(() -> valid().connectTimeout(d)).withMessageContaining("connectTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().readTimeout(d)).withMessageContaining("readTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().callTimeout(d)).withMessageContaining("callTimeout");
    }

    @Test
    void nonPositiveResponseLimit_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().maxResponseBytes(0)).withMessageContaining("maxResponseBytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "line\nbreak", "t\u00e9l\u00e9"})
    void unprintableApplicationNames_areRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().applicationName(name)).withMessageContaining("applicationName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en_US", "en-US\r\nX-Evil: 1", "e"})
    void malformedLocales_areRefused(String locale) {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().locale(locale)).withMessageContaining("locale");
    }

    @Test
    void toString_namesTheEndpointOnly() {
        try (RestQualificationAdapter adapter = valid().build()) {
            assertThat(adapter).hasToString("RestQualificationAdapter[https://api.partnercenter.microsoft.com/]");
        }
    }
}
