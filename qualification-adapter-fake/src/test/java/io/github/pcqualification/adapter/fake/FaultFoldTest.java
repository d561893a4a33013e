package io.github.pcqualification.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every kind of fault takes exactly its own branch of {@link Fault#fold}, and every kind is covered here. */
class FaultFoldTest {

    private static final List<Fault> ONE_OF_EACH = List.of(Fault.throttled(Duration.ofSeconds(1)), Fault.unavailable(),
            Fault.rejected(409, "1", "conflict"), Fault.unauthorized(), Fault.latency(Duration.ZERO));

    private static String kind(Fault fault) {
        return fault.fold(t -> "throttled", s -> "serverError", r -> "rejection", u -> "unauthorized", l -> "latency");
    }

    @Test
    void eachFault_takesItsOwnBranch() {
        assertThat(ONE_OF_EACH).extracting(FaultFoldTest::kind)
                .containsExactly("throttled", "serverError", "rejection", "unauthorized", "latency");
    }

    @Test
    void everyKindOfFault_isCovered() {
        assertThat(Arrays.stream(Fault.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrderElementsOf(ONE_OF_EACH.stream().map(f -> f.getClass().getSimpleName()).toList());
    }

    @Test
    void aNullBranch_isRefused() {
        Function<Fault, String> any = f -> "x";
        for (Fault fault : ONE_OF_EACH) {
            assertThatThrownBy(() -> fault.fold(null, any::apply, any::apply, any::apply, any::apply))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> fault.fold(any::apply, any::apply, any::apply, any::apply, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
