package io.github.pcqualification.domain.service;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.RequestId;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.InvalidRequest;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.Unchanged;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.port.in.GetQualificationUseCase;
import io.github.pcqualification.domain.port.in.ListCustomerValidationsUseCase;
import io.github.pcqualification.domain.port.in.ListValidationCodesUseCase;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.rules.RequestRules;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use cases, over the outbound ports, through one of the two APIs ({@link ApiMode}).
 *
 * <p>Idempotency: when the service refuses an update ({@link Rejected.Reason#REQUEST_REFUSED}), the service reads the customer once more; if
 * the customer already holds the requested qualification (and its vetting was not denied) the
 * outcome is {@link Unchanged}. The happy
 * path costs one request; only a rejection costs a second. Thread-safe if the ports are.
 */
public final class QualificationService
        implements UpdateQualificationUseCase, GetQualificationUseCase, ListValidationCodesUseCase,
        ListCustomerValidationsUseCase {

    private static final VettingStatus DENIED = VettingStatus.of(VettingStatus.State.DENIED);

    private final QualificationPort qualifications;
    private final ValidationCodePort validationCodes;
    private final ApiMode mode;
    private final Supplier<OperationContext> newOperation;

    /**
     * The use cases over the given ports, with fresh random ids for each operation.
     *
     * @param qualifications the qualification endpoints
     * @param validationCodes the validation code endpoints
     * @param mode the API updates and reads go through
     * @throws NullPointerException if any argument is null
     */
    public QualificationService(QualificationPort qualifications, ValidationCodePort validationCodes, ApiMode mode) {
        this(qualifications, validationCodes, mode, OperationContext::newOperation);
    }

    /**
     * The use cases over the given ports, taking each operation's ids from {@code newOperation}: for tests that
     * need known ids.
     *
     * @param qualifications the qualification endpoints
     * @param validationCodes the validation code endpoints
     * @param mode the API updates and reads go through
     * @param newOperation called once per operation for its ids
     * @throws NullPointerException if any argument is null
     */
    public QualificationService(QualificationPort qualifications, ValidationCodePort validationCodes, ApiMode mode,
            Supplier<OperationContext> newOperation) {
        this.qualifications = checkNotNull(qualifications, "qualifications");
        this.validationCodes = checkNotNull(validationCodes, "validationCodes");
        this.mode = checkNotNull(mode, "mode");
        this.newOperation = checkNotNull(newOperation, "newOperation");
    }

    /**
     * The API this service goes through.
     *
     * @return the mode given at construction
     */
    public ApiMode mode() {
        return mode;
    }

    @Override
    public UpdateOutcome update(QualificationRequest request) {
        checkNotNull(request, "request");
        OperationContext context = newOperation.get();
        List<RuleViolation> violations = RequestRules.check(request, mode);
        if (!violations.isEmpty()) {
            return new InvalidRequest(violations, context);
        }
        UpdateOutcome outcome = mode == ApiMode.SYNCHRONOUS
                ? qualifications.setQualification(request, context)
                : qualifications.requestQualification(request, context);
        return outcome.<UpdateOutcome>foldUpdate(updated -> updated, unchanged -> unchanged, failure -> failure.<UpdateOutcome>foldFailure(
                invalid -> invalid,
                rejected -> mayMeanAlreadyHeld(rejected) ? alreadyHeld(request, context).<UpdateOutcome>map(
                        held -> new Unchanged(request.customer(), held, context)).orElse(rejected) : rejected,
                notFound -> notFound, unavailable -> unavailable, authentication -> authentication));
    }

    /**
     * A refusal of the request itself may mean the customer already holds the value; a request the service would
     * not take as sent cannot, and is not worth a second request. The adapter classified the answer.
     */
    private static boolean mayMeanAlreadyHeld(Rejected rejected) {
        return rejected.reason() == Rejected.Reason.REQUEST_REFUSED;
    }

    /** After a rejection: does the customer already hold what was asked? (A follow-up read, same correlation id.) */
    private Optional<CustomerQualification> alreadyHeld(QualificationRequest request, OperationContext context) {
        OperationContext followUp = new OperationContext(context.correlationId(), RequestId.random());
        GetOutcome current = read(request.customer(), followUp);
        return current.<Optional<CustomerQualification>>foldGet(found -> found.qualifications().stream()
                .filter(q -> q.qualification().is(request.qualification()))
                .filter(q -> !q.vetting().map(v -> v.status().equals(DENIED)).orElse(false))
                .findFirst(), failure -> Optional.empty());
    }

    @Override
    public GetOutcome get(CustomerId customer) {
        checkNotNull(customer, "customer");
        return read(customer, newOperation.get());
    }

    private GetOutcome read(CustomerId customer, OperationContext context) {
        return mode == ApiMode.SYNCHRONOUS
                ? qualifications.getQualification(customer, context)
                : qualifications.getQualifications(customer, context);
    }

    @Override
    public CodesOutcome listValidationCodes() {
        return validationCodes.listValidationCodes(newOperation.get());
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer) {
        checkNotNull(customer, "customer");
        return validationCodes.listValidations(customer, newOperation.get());
    }
}
