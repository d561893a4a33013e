package io.github.pcqualification.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test support: what a {@link TestObservationRegistry} saw, as plain maps, in the order the observations started. */
final class ObservedCalls {

    static final String OPERATION = "partnercenter.qualification.operation";
    static final String ATTEMPT = "partnercenter.qualification.attempt";
    static final String THROTTLED = "partnercenter.qualification.throttled";

    /** One stopped observation: its name, its keys, its context and its parent's context. */
    record Seen(String name, Map<String, String> low, Map<String, String> high, Observation.Context context,
            Observation.ContextView parent) {

        boolean isChildOf(Seen other) {
            return parent == other.context;
        }

        Stream<String> values() {
            return Stream.concat(low.values().stream(), high.values().stream());
        }
    }

    private ObservedCalls() {}

    static List<Seen> seen(TestObservationRegistry registry) {
        List<Seen> seen = new ArrayList<>();
        registry.assertThat().hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context context : contexts) {
                assertThat(context.getName()).as("an observation that was started and stopped").isNotNull();
                ObservationView parent = context.getParentObservation();
                seen.add(new Seen(context.getName(), keys(context.getLowCardinalityKeyValues()),
                        keys(context.getHighCardinalityKeyValues()), context,
                        parent == null ? null : parent.getContextView()));
            }
        });
        return seen;
    }

    static List<Seen> named(List<Seen> seen, String name) {
        return seen.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static Map<String, String> keys(Iterable<KeyValue> keyValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        keyValues.forEach(kv -> keys.put(kv.getKey(), kv.getValue()));
        return keys;
    }
}
