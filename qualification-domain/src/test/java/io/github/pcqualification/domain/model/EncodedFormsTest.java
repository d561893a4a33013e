package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedFormsTest {

    private static final Pattern CANARY = Pattern.compile(EncodedForms.regex("canary-SECRET/+42"));

    @ParameterizedTest
    @ValueSource(strings = {"canary-SECRET/+42", "canary\\u002dSECRET\\/\\u002B42", "canary%2DSECRET%2f%2B42",
        "canary&#45;SECRET&#x2F;&#43;42", "c\\u0061nary-SECRET/%2b4&#50;"})
    void everyEncodedForm_isFound(String text) {
        assertThat(CANARY.matcher("before " + text + " after").find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-SECRET/+43", "canary SECRET/+42", "canary\\u002eSECRET/+42", "canary%2ESECRET/+42"})
    void anotherValue_isNotFound(String text) {
        assertThat(CANARY.matcher(text).find()).isFalse();
    }
}
