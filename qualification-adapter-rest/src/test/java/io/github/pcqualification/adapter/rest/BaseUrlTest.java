package io.github.pcqualification.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What {@link BaseUrl#validated} hands OkHttp, and a URL Java reads but OkHttp cannot. */
class BaseUrlTest {

    @Test
    void aBaseUrl_alwaysEndsWithASlash_soEndpointPathsGoBelowIt() {

        HttpUrl url = BaseUrl.validated(URI.create("https://gateway.example/partner-center"));

        assertThat(url.toString()).isEqualTo("https://gateway.example/partner-center/");
    }

    @Test
    void aPortOkHttpCannotUse_isRefusedAtOnce_notLeftAsNull() {
        URI outOfRange = URI.create("https://api.partnercenter.microsoft.com:99999/");

        assertThatIllegalStateException().isThrownBy(() -> BaseUrl.validated(outOfRange))
                .withMessage("baseUrl could not be read: 'https://api.partnercenter.microsoft.com:99999/'");
    }
}
