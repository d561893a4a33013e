package io.github.pcqualification.auth.msal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the sources remember to cut from messages, and the refresh tokens read back from MSAL's cache. */
class SecretsAndCacheJsonTest {

    @Test
    void aValueOfSixCharacters_isASecret_fiveAreNot() {
        Secrets secrets = new Secrets();
        secrets.add("abcdef");
        secrets.add("vwxyz");

        assertThat(secrets.redact("abcdef and vwxyz")).isEqualTo(Secrets.REDACTED + " and vwxyz");
    }

    @Test
    void nullIsNoSecret_andRedactingNothingGivesNothing() {
        Secrets secrets = new Secrets();
        secrets.add(null);

        assertThat(secrets.redact(null)).isNull();
        assertThat(secrets.redact("plain words")).isEqualTo("plain words");
    }

    @Test
    void theLast24Values_areKept_anOlderOneIsForgotten() {
        Secrets secrets = new Secrets();
        for (int i = 1; i <= 25; i++) {
            secrets.add(String.format("secret-%02d", i));
        }

        assertThat(secrets.redact("secret-01")).as("the oldest is forgotten").isEqualTo("secret-01");
        assertThat(secrets.redact("secret-02")).isEqualTo(Secrets.REDACTED);
        assertThat(secrets.redact("secret-25")).isEqualTo(Secrets.REDACTED);
    }

    @Test
    void aValueAddedTwice_takesOneSlot() {
        Secrets secrets = new Secrets();
        secrets.add("secret-00");
        for (int i = 1; i <= 23; i++) {
            secrets.add(String.format("secret-%02d", i));
            secrets.add("secret-00");
        }

        assertThat(secrets.redact("secret-00 secret-01")).isEqualTo(Secrets.REDACTED + " " + Secrets.REDACTED);
    }

    @Test
    void blankRefreshTokens_areNone() {
        assertThat(MsalCacheJson.refreshTokens("{\"RefreshToken\":{\"a\":{\"secret\":\" \"},\"b\":{\"secret\":\"rt-1\"},"
                + "\"c\":{\"secret\":7},\"d\":\"not an entry\"}}")).containsExactly("rt-1");
        assertThat(MsalCacheJson.refreshTokens("{\"RefreshToken\":[]}")).isEmpty();
        assertThat(MsalCacheJson.onlyRefreshToken("{\"RefreshToken\":{\"a\":{\"secret\":\"rt-1\"},"
                + "\"b\":{\"secret\":\"rt-2\"}}}")).as("several: none is the one").isEmpty();
        assertThat(MsalCacheJson.parse("[1,2]")).isEmpty();
        assertThat(MsalCacheJson.parse(null)).isEmpty();
    }
}
