package io.github.pcqualification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.reflect.ClassPath;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.TokenOutcome;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.rules.Transition;
import io.github.pcqualification.domain.testing.Variants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sealed family of the domain has one exhaustive fold, one function per variant: each variant applies its own
 * function, exactly once, to itself, and none other; a null function is refused. The expected picks below are the
 * fold cases; a variant added to a family (found through {@link Class#getPermittedSubclasses()}) without a case here
 * fails {@link #everyVariantOfEveryFamily_hasAFoldCase}, and a sealed interface without a family here fails
 * {@link #everySealedInterfaceOfTheDomain_isAFamilyWithAFold}.
 */
class FoldsTest {

    /** One instance of every variant of every family, by its class. */
    private static final Map<Class<?>, Object> SAMPLES = Variants.all();

    private static final Map<Class<?>, String> FAILURES_FAIL = ImmutableMap.of(
            InvalidRequest.class, "failed", Rejected.class, "failed", NotFound.class, "failed",
            Unavailable.class, "failed", AuthenticationFailed.class, "failed");

    private static final Family UPDATE = new Family("foldUpdate", UpdateOutcome.class,
            ImmutableMap.<Class<?>, String>builder()
                    .put(Updated.class, "updated").put(Unchanged.class, "unchanged").putAll(FAILURES_FAIL).build(),
            (variant, calls) -> ((UpdateOutcome) variant).foldUpdate(
                    calls.function("updated"), calls.function("unchanged"), calls.function("failed")));

    private static final Family GET = new Family("foldGet", GetOutcome.class,
            ImmutableMap.<Class<?>, String>builder().put(Found.class, "found").putAll(FAILURES_FAIL).build(),
            (variant, calls) -> ((GetOutcome) variant).foldGet(calls.function("found"), calls.function("failed")));

    private static final Family CODES = new Family("foldCodes", CodesOutcome.class,
            ImmutableMap.<Class<?>, String>builder().put(CodesListed.class, "listed").putAll(FAILURES_FAIL).build(),
            (variant, calls) -> ((CodesOutcome) variant).foldCodes(calls.function("listed"), calls.function("failed")));

    private static final Family VALIDATIONS = new Family("foldValidations", ValidationsOutcome.class,
            ImmutableMap.<Class<?>, String>builder().put(ValidationsListed.class, "listed").putAll(FAILURES_FAIL).build(),
            (variant, calls) -> ((ValidationsOutcome) variant).foldValidations(calls.function("listed"),
                    calls.function("failed")));

    private static final Family FAILURE = new Family("foldFailure", Failure.class,
            ImmutableMap.of(InvalidRequest.class, "invalid", Rejected.class, "rejected", NotFound.class, "notFound",
                    Unavailable.class, "unavailable", AuthenticationFailed.class, "authenticationFailed"),
            (variant, calls) -> ((Failure) variant).foldFailure(calls.function("invalid"), calls.function("rejected"),
                    calls.function("notFound"), calls.function("unavailable"), calls.function("authenticationFailed")));

    private static final Family TOKEN = new Family("TokenOutcome.fold", TokenOutcome.class,
            ImmutableMap.of(AccessToken.class, "token", CredentialProblem.class, "problem"),
            (variant, calls) -> ((TokenOutcome) variant).fold(calls.function("token"), calls.function("problem")));

    private static final Family TRANSITION = new Family("Transition.fold", Transition.class,
            ImmutableMap.of(Transition.Allowed.class, "allowed", Transition.AlreadyHeld.class, "alreadyHeld",
                    Transition.Refused.class, "refused"),
            (variant, calls) -> ((Transition) variant).fold(calls.supplier("allowed"), calls.supplier("alreadyHeld"),
                    calls.function("refused")));

    private static final Family REPORTED = new Family("ReportedQualification.fold", ReportedQualification.class,
            ImmutableMap.of(ReportedQualification.Known.class, "known", ReportedQualification.Unknown.class, "unknown"),
            (variant, calls) -> ((ReportedQualification) variant).fold(calls.function("known"),
                    calls.function("unknown")));

    private static final Family VETTING = new Family("VettingStatus.fold", VettingStatus.class,
            ImmutableMap.of(VettingStatus.Known.class, "known", VettingStatus.Unknown.class, "unknown"),
            (variant, calls) -> ((VettingStatus) variant).fold(calls.function("known"), calls.function("unknown")));

    private static final List<Family> FAMILIES =
            List.of(UPDATE, GET, CODES, VALIDATIONS, FAILURE, TOKEN, TRANSITION, REPORTED, VETTING);

    @Test
    void foldUpdate_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(UPDATE);
    }

    @Test
    void foldGet_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(GET);
    }

    @Test
    void foldCodes_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(CODES);
    }

    @Test
    void foldValidations_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(VALIDATIONS);
    }

    @Test
    void foldFailure_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(FAILURE);
    }

    @Test
    void tokenOutcomeFold_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(TOKEN);
    }

    @Test
    void transitionFold_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(TRANSITION);
    }

    @Test
    void reportedQualificationFold_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(REPORTED);
    }

    @Test
    void vettingStatusFold_appliesOnlyTheFunctionOfEachVariant() {
        assertEachVariantAppliesItsOwnFunction(VETTING);
    }

    @Test
    void reportedQualificationIs_holdsOnlyForTheSameKnownValue() {
        assertThat(ReportedQualification.of(Qualification.EDUCATION).is(Qualification.EDUCATION)).isTrue();
        assertThat(ReportedQualification.of(Qualification.EDUCATION).is(Qualification.NONE)).isFalse();
        assertThat(ReportedQualification.fromWire("Education2").is(Qualification.EDUCATION)).isFalse();
    }

    static Stream<Arguments> everyFunctionOfEveryVariant() {
        return FAMILIES.stream().flatMap(family -> family.picks().keySet().stream().flatMap(variant ->
                family.functionNames().stream().map(function ->
                        Arguments.of(family.name(), variant.getSimpleName(), function, family, variant))));
    }

    @ParameterizedTest(name = "{0} on {1} with {2} null")
    @MethodSource("everyFunctionOfEveryVariant")
    void aNullFunction_isRefusedBeforeAnyIsApplied(String name, String variantName, String nulled, Family family,
            Class<?> variant) {
        Calls calls = new Calls(nulled);

        assertThatThrownBy(() -> family.fold().apply(sample(variant), calls))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(nulled);
        assertThat(calls.applied).isEmpty();
    }

    @Test
    void everyVariantOfEveryFamily_hasAFoldCase() {
        for (Family family : FAMILIES) {
            assertThat(family.picks().keySet())
                    .as("the variants of %s with a fold case in this test; add a case for a new variant", family.name())
                    .containsExactlyInAnyOrderElementsOf(variants(family.root()));
            assertThat(Set.copyOf(family.picks().values()))
                    .as("every function of %s is picked by some variant", family.name())
                    .containsExactlyInAnyOrderElementsOf(family.functionNames());
            assertThat(SAMPLES.keySet()).as("an instance of every variant of %s in Variants.all()", family.name())
                    .containsAll(variants(family.root()));
        }
    }

    @Test
    void everySealedInterfaceOfTheDomain_isAFamilyWithAFold() throws IOException {
        List<Class<?>> sealed = new ArrayList<>();
        for (ClassPath.ClassInfo info : ClassPath.from(getClass().getClassLoader())
                .getTopLevelClassesRecursive("io.github.pcqualification.domain")) {
            Class<?> type = info.load();
            if (isMainCode(type)) {
                collectSealedInterfaces(type, sealed);
            }
        }

        assertThat(sealed).isNotEmpty();
        assertThat(FAMILIES).extracting(Family::root).containsAll(sealed);
    }

    /** True for the domain's own classes, not the tests' (they come from another directory). */
    private static boolean isMainCode(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation()
                .equals(UpdateOutcome.class.getProtectionDomain().getCodeSource().getLocation());
    }

    private static void collectSealedInterfaces(Class<?> type, List<Class<?>> into) {
        if (type.isInterface() && type.isSealed()) {
            into.add(type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collectSealedInterfaces(nested, into);
        }
    }

    /** The concrete variants of a sealed type, through sealed sub-interfaces such as {@link Failure}. */
    private static Set<Class<?>> variants(Class<?> root) {
        Set<Class<?>> leaves = new LinkedHashSet<>();
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                leaves.addAll(variants(permitted));
            } else {
                leaves.add(permitted);
            }
        }
        return leaves;
    }

    private static void assertEachVariantAppliesItsOwnFunction(Family family) {
        assertThat(family.picks()).isNotEmpty();
        family.picks().forEach((variant, function) -> {
            Object sample = sample(variant);
            Calls calls = new Calls(null);

            Object result = family.fold().apply(sample, calls);

            assertThat(calls.applied).as("%s on %s", family.name(), variant.getSimpleName()).containsExactly(function);
            assertThat(result).as("what the applied function returned").isEqualTo(function);
            if (!calls.arguments.isEmpty()) {
                assertThat(calls.arguments).singleElement().isSameAs(sample);
            }
        });
    }

    private static Object sample(Class<?> variant) {
        Object sample = SAMPLES.get(variant);
        assertThat(sample).as("an instance of %s in Variants.all()", variant.getName()).isNotNull();
        return sample;
    }

    /**
     * A family: its fold's name, its sealed root, which function each variant must apply, and the fold applied to a
     * variant with the functions {@link Calls} hands out.
     */
    record Family(String name, Class<?> root, Map<Class<?>, String> picks, BiFunction<Object, Calls, Object> fold) {

        /** The names of the fold's functions, in the order of its parameters. */
        List<String> functionNames() {
            Calls calls = new Calls(null);
            fold.apply(sample(picks.keySet().iterator().next()), calls);
            return List.copyOf(calls.handedOut);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Hands out named functions that record being applied and return their name; the one named {@code nulled} is
     * handed out as null.
     */
    static final class Calls {
        private final String nulled;
        final List<String> handedOut = new ArrayList<>();
        final List<String> applied = new ArrayList<>();
        final List<Object> arguments = new ArrayList<>();

        Calls(String nulled) {
            this.nulled = nulled;
        }

        <T> Function<T, String> function(String name) {
            handedOut.add(name);
            return name.equals(nulled) ? null : value -> {
                applied.add(name);
                arguments.add(value);
                return name;
            };
        }

        Supplier<String> supplier(String name) {
            handedOut.add(name);
            return name.equals(nulled) ? null : () -> {
                applied.add(name);
                return name;
            };
        }
    }
}
