package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcqualification.domain.port.out.AccessTokenPort;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Security: plain http is refused except to a loopback host; look-alike hosts are not loopback. */
class PlainHttpSecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1.evil.com", "http://localhost.evil", "http://localhost.evil:8080/",
        "http://127.0.0.1.nip.io/", "http://evil.com/127.0.0.1", "http://localhost@evil.com/", "http://127.0.0.1@evil.com",
        "http://127.0.0.2/", "http://127.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
        "http://localhost./", "http://LOCALHOST.evil/", "http://0x7f000001/", "http://[::2]/", "http://evil.com#@127.0.0.1",
        "http://evil.com?@127.0.0.1", "HTTP://api.partnercenter.microsoft.com", "ftp://127.0.0.1/", "ws://127.0.0.1/",
        "file:///etc/passwd", "//127.0.0.1/", "http:///v1"})
    void plainHttpToAnythingButLoopback_andOtherSchemes_areRefused(String url) {
        RestQualificationAdapter.Builder builder = RestQualificationAdapter.builder()
                .baseUrl(URI.create(url)).accessTokens(AccessTokenPort.of(() -> "token-value"));

        assertThatIllegalArgumentException().isThrownBy(builder::build)
                .withMessageContaining("baseUrl").withMessageNotContaining("token-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1", "http://127.0.0.1:8080/pc/", "http://localhost:1", "http://LOCALHOST/",
        "http://[::1]:8080/", "https://api.partnercenter.microsoft.com", "https://127.0.0.1.evil.com/"})
    void httpsAnywhere_andPlainHttpToExactLoopbackNames_areAccepted(String url) {
        RestQualificationAdapter.Builder builder = RestQualificationAdapter.builder()
                .baseUrl(URI.create(url)).accessTokens(AccessTokenPort.of(() -> "token-value"));

        try (RestQualificationAdapter adapter = builder.build()) {
            assertThat(adapter.toString()).doesNotContain("token-value");
        }
    }
}
