package io.github.pcqualification.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture, as rules. The Maven module graph enforces the big arrows at compile time; these
 * rules guard what the compiler cannot (package-level purity, the HTTP stack's reach, cycles, habits).
 * Production classes only: test classes and the fake's shipped test-support jar are left out.
 */
@AnalyzeClasses(packages = "io.github.pcqualification",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ExcludeTestSupport.class})
class ArchitectureTest {

    private static final String ROOT = "io.github.pcqualification";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String REST = ROOT + ".adapter.rest..";
    private static final String FAKE = ROOT + ".adapter.fake..";
    private static final String APP = ROOT + ".app..";
    private static final String APP_OBSERVATION = ROOT + ".app.observation..";
    private static final String CLI = ROOT + ".cli..";
    private static final String AUTH = ROOT + ".auth.msal..";

    /** The fake's test-jar (contract suite, JUnit extension) is test code, wherever it lies on the class path. */
    static final class ExcludeTestSupport implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/adapter/fake/testing/") && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule the_domain_depends_only_on_java_guava_and_itself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "com.google.common..")
            .because("the domain is pure Java + Guava");

    @ArchTest
    static final ArchRule the_http_client_stack_stays_in_the_rest_adapter = noClasses()
            .that().resideOutsideOfPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..", "okio..")
            .because("Retrofit and OkHttp are the REST adapter's business");

    @ArchTest
    static final ArchRule nothing_above_the_adapters_reads_an_http_status = noClasses()
            .that().resideOutsideOfPackages(REST, FAKE, AUTH)
            .and().doNotHaveFullyQualifiedName(ROOT + ".cli.Render")
            .and().doNotHaveFullyQualifiedName(ROOT + ".app.observation.DefaultAttemptObservationConvention")
            .should().callMethod(ErrorDetail.class, "httpStatus")
            .because("each adapter classifies an answer once, at its edge, into the domain's outcomes; the domain,"
                    + " the app and the CLI decide by outcome, never by status (the CLI's Render only prints it; the"
                    + " attempt observation's default convention only reports it as the status key)");

    @ArchTest
    static final ArchRule micrometer_is_named_only_where_a_registry_was_given = noClasses()
            .that().resideOutsideOfPackages(APP_OBSERVATION, CLI)
            .and(are(not(nameStartingWith(ROOT + ".app.MicrometerObservations"))))
            .and().doNotHaveFullyQualifiedName(ROOT + ".app.PartnerCenterQualifications$Builder")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("micrometer-observation is optional for embedders: only the builder's observationRegistry(...)"
                    + " names it, and only a client given a registry loads MicrometerObservations and the"
                    + " observation contexts and conventions");

    @ArchTest
    static final ArchRule nothing_outside_the_adapters_names_an_http_status_type = noClasses()
            .that().resideOutsideOfPackages(REST, FAKE, AUTH)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..")
            .because("HTTP statuses, their constants and HTTP types are the adapters' business");

    @ArchTest
    static final ArchRule json_stays_in_the_adapters = noClasses()
            .that().resideInAnyPackage(DOMAIN, APP, CLI)
            .should().dependOnClassesThat().resideInAnyPackage("com.squareup.moshi..")
            .because("JSON records and mapping live in the adapters; the app maps nothing");

    @ArchTest
    static final ArchRule the_rest_adapter_does_not_know_the_fake = noClasses()
            .that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(FAKE);

    @ArchTest
    static final ArchRule the_fake_does_not_know_the_rest_adapter = noClasses()
            .that().resideInAPackage(FAKE)
            .should().dependOnClassesThat().resideInAPackage(REST);

    @ArchTest
    static final ArchRule nothing_but_the_app_and_the_cli_depends_on_the_app = noClasses()
            .that().resideOutsideOfPackages(APP, CLI)
            .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule msal_stays_in_the_auth_adapter = noClasses()
            .that().resideOutsideOfPackage(AUTH)
            .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.aad.msal4j..", "com.azure.json..")
            .because("MSAL4J is optional: only qualification-auth-msal may use it, behind the AccessTokenPort");

    @ArchTest
    static final ArchRule the_msal_adapter_implements_the_domains_port_and_knows_no_other_module = noClasses()
            .that().resideInAPackage(AUTH)
            .should().dependOnClassesThat().resideInAnyPackage(REST, FAKE, APP, CLI)
            .because("token sources plug into any wiring through the domain's AccessTokenPort");

    @ArchTest
    static final ArchRule only_the_cli_depends_on_the_msal_adapter = noClasses()
            .that().resideOutsideOfPackages(AUTH, CLI)
            .should().dependOnClassesThat().resideInAPackage(AUTH)
            .because("embedders who bring their own tokens must not need MSAL");

    @ArchTest
    static final ArchRule nothing_depends_on_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the CLI is shipped apart; no library class may need it");

    @ArchTest
    static final ArchRule cli_libraries_stay_in_the_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.apache.commons.csv..")
            .because("picocli and Commons CSV must not reach an embedder's class path");

    @ArchTest
    static final ArchRule the_embedding_api_speaks_only_the_librarys_vocabulary = codeUnits()
            .that().areDeclaredInClassesThat().resideInAPackage(APP)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<JavaCodeUnit>("take and return no adapter type") {
                @Override
                public void check(JavaCodeUnit method, ConditionEvents events) {
                    Stream.concat(method.getRawParameterTypes().stream(), Stream.of(method.getRawReturnType()))
                            .filter(type -> type.getPackageName().startsWith(ROOT + ".adapter"))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " exposes " + type.getName())));
                }
            })
            .because("an embedder's code should depend on the domain and the app, never on an adapter");

    @ArchTest
    static final ArchRule the_domain_does_not_know_any_adapter = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(REST, FAKE, APP, CLI, AUTH);

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching(ROOT + ".(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_generic_exceptions_are_thrown = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule only_the_cli_writes_to_standard_streams = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should(ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule outbound_ports_are_interfaces_in_the_domain = classes()
            .that().resideInAPackage(ROOT + ".domain.port..")
            .and().areTopLevelClasses()
            .should().beInterfaces();

    @ArchTest
    static final ArchRule outcomes_are_records_or_sealed_interfaces = classes()
            .that().resideInAPackage(ROOT + ".domain.outcome..")
            .and().areNotInterfaces()
            .and().areNotNestedClasses()
            .should().beAssignableTo(Record.class)
            .orShould().beEnums();

    /**
     * What ArchUnit cannot see: a status written as a number. No source of the domain, the app or the CLI compares
     * anything with an HTTP status literal (comments and string literals aside).
     */
    @Test
    void no_http_status_literal_outside_the_adapters() throws java.io.IOException {
        java.util.regex.Pattern status = java.util.regex.Pattern.compile("\\b([45]\\d\\d)\\b");
        java.util.List<String> found = new java.util.ArrayList<>();
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent().getParent();
        for (String module : java.util.List.of("qualification-domain", "qualification-app", "qualification-app/cli")) {
            java.nio.file.Path sources = root.resolve(module).resolve("src/main/java");
            org.assertj.core.api.Assertions.assertThat(sources).as("sources of %s", module).isDirectory();
            try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(sources)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = withoutCommentsAndStrings(java.nio.file.Files.readString(file));
                    java.util.regex.Matcher m = status.matcher(code);
                    while (m.find()) {
                        found.add(root.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(found)
                .as("HTTP status literals above the adapters (a timing constant? name it)")
                .containsOnly(KNOWN_NUMBERS_THAT_ARE_NOT_STATUSES.toArray(String[]::new));
    }

    /** Numbers in that range that are not statuses, each named where it is. */
    private static final java.util.List<String> KNOWN_NUMBERS_THAT_ARE_NOT_STATUSES = java.util.List.of(
            "qualification-app/cli/src/main/java/io/github/pcqualification/cli/BulkCommand.java: 500");

    private static String withoutCommentsAndStrings(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", " ")
                .replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", " ")
                .replaceAll("'(\\\\.|[^'\\\\])'", " ")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ");
    }

    @Test
    void a_rule_that_matches_nothing_fails_instead_of_passing() {
        JavaClasses classes = new ClassFileImporter().importPackages(ROOT + ".domain.model");
        ArchRule ruleOverNothing = classes().that().resideInAPackage("io.github.pcqualification.nowhere..")
                .should().beInterfaces();

        assertThatThrownBy(() -> ruleOverNothing.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
