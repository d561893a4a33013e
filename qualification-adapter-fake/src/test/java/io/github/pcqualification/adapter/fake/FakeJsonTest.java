package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's one JSON reader and writer. */
class FakeJsonTest {

    @Test
    void plainValues_roundTrip() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "caf\u00e9 \"quoted\"\n");
        value.put("number", 3.5);
        value.put("list", List.of(true, "x"));
        value.put("nothing", null);

        String json = FakeJson.write(value);

        assertThat(json).isEqualTo("{\"text\":\"caf\u00e9 \\\"quoted\\\"\\n\",\"number\":3.5,\"list\":[true,\"x\"]}");
        assertThat(FakeJson.read("{\"text\":\"a\",\"n\":1,\"l\":[null]}"))
                .isEqualTo(Map.of("text", "a", "n", 1.0, "l", Arrays.asList((Object) null)));
        assertThat(FakeJson.read("null")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"a\":1,\"a\":2}", "{\"a\":1} trailing", "", "[1,"})
    void whatIsNotOneJsonValue_isAnIoError(String json) {

        assertThatThrownBy(() -> FakeJson.read(json)).isInstanceOf(IOException.class).hasMessageNotContaining("\n");
    }

    @Test
    void anApiFault_hasTheServicesShape_withANumericCodeAsANumber() {

        assertThat(FakeJson.apiFault("60003", "Tenant not found"))
                .isEqualTo("{\"code\":60003,\"description\":\"Tenant not found\",\"data\":[],\"source\":\"PartnerFD\"}");
        assertThat(FakeJson.apiFault("AB1", "x")).startsWith("{\"code\":\"AB1\",");
    }
}
