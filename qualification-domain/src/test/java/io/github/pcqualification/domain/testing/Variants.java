package io.github.pcqualification.domain.testing;

import static com.google.common.collect.ImmutableMap.toImmutableMap;

import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.TokenKind;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.AccessToken;
import io.github.pcqualification.domain.outcome.AuthenticationFailed;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CredentialProblem;
import io.github.pcqualification.domain.outcome.ErrorDetail;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unavailable;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.rules.Rule;
import io.github.pcqualification.domain.rules.RuleViolation;
import io.github.pcqualification.domain.rules.Transition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test support (shipped in the domain's test-jar): one instance of every variant of every sealed family of the
 * domain, so tests that must cover each variant (folds, exit codes, rendering) build them in one place. A test that
 * walks {@link Class#getPermittedSubclasses()} finds a new variant missing here.
 */
public final class Variants {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final OperationContext CONTEXT = OperationContext.newOperation();
    private static final ErrorDetail ERROR = ErrorDetail.withoutResponse("failed");

    private Variants() {}

    /**
     * One instance of every variant of every sealed family, by its class.
     *
     * @return the instances, keyed by their class
     */
    public static Map<Class<?>, Object> all() {
        return Stream.<Object>concat(Stream.of(updated(), unchanged(), found(), codesListed(), validationsListed(),
                        new AccessToken("token", TokenKind.APP_USER, Optional.empty()),
                        CredentialProblem.appOnlyForUpdate(),
                        new Transition.Allowed(),
                        new Transition.AlreadyHeld(),
                        new Transition.Refused(new RuleViolation(Rule.IRREVERSIBLE, "cannot change")),
                        ReportedQualification.of(Qualification.EDUCATION),
                        ReportedQualification.fromWire("SomethingNew"),
                        VettingStatus.of(VettingStatus.State.IN_REVIEW),
                        VettingStatus.fromWire("SomethingNew")),
                        failures().stream())
                .collect(toImmutableMap(Object::getClass, variant -> variant));
    }

    /**
     * An update that changed the qualification.
     *
     * @return the outcome
     */
    public static Updated updated() {
        return new Updated(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), CONTEXT);
    }

    /**
     * An update that found the qualification held already.
     *
     * @return the outcome
     */
    public static Unchanged unchanged() {
        return new Unchanged(CUSTOMER, CustomerQualification.of(Qualification.EDUCATION), CONTEXT);
    }

    /**
     * A read that found one qualification.
     *
     * @return the outcome
     */
    public static Found found() {
        return new Found(CUSTOMER, List.of(CustomerQualification.of(Qualification.EDUCATION)), CONTEXT);
    }

    /**
     * A listing of one validation code.
     *
     * @return the outcome
     */
    public static CodesListed codesListed() {
        return new CodesListed(List.of(PartnerValidationCode.of(ValidationCode.of("12345"))), CONTEXT);
    }

    /**
     * A listing of the one validation linked to a customer.
     *
     * @return the outcome
     */
    public static ValidationsListed validationsListed() {
        return new ValidationsListed(CUSTOMER, List.of(new CustomerValidation(CUSTOMER,
                Optional.of("0f0e0d0c-0b0a-4908-8706-050403020100"), ValidationCode.of("12345"),
                Optional.of("Contoso, Inc."), Optional.of("W/\"1\""))), CONTEXT);
    }

    /**
     * One failure of every kind.
     *
     * @return an {@link InvalidRequest}, a {@link Rejected}, a {@link NotFound}, an {@link Unavailable} and an
     *     {@link AuthenticationFailed} failure
     */
    public static List<Failure> failures() {
        return List.of(
                new InvalidRequest(List.of(new RuleViolation(Rule.IRREVERSIBLE, "cannot change")), CONTEXT),
                new Rejected(ERROR, Rejected.Reason.REQUEST_REFUSED, CONTEXT),
                new NotFound(ERROR, CONTEXT),
                new Unavailable(Unavailable.Reason.THROTTLED, ERROR, Optional.of(Duration.ofSeconds(3)), 2, CONTEXT),
                new AuthenticationFailed(CredentialProblem.appOnlyForUpdate(), 0, CONTEXT));
    }
}
