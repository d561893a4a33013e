package io.github.pcqualification.adapter.fake;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.CustomerValidation;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ReportedQualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Vetting;
import io.github.pcqualification.domain.model.VettingStatus;
import io.github.pcqualification.domain.outcome.CodesListed;
import io.github.pcqualification.domain.outcome.CodesOutcome;
import io.github.pcqualification.domain.outcome.Failure;
import io.github.pcqualification.domain.outcome.Found;
import io.github.pcqualification.domain.outcome.GetOutcome;
import io.github.pcqualification.domain.outcome.NotFound;
import io.github.pcqualification.domain.outcome.Rejected;
import io.github.pcqualification.domain.outcome.UpdateOutcome;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.outcome.ValidationsListed;
import io.github.pcqualification.domain.outcome.ValidationsOutcome;
import io.github.pcqualification.domain.policy.Sleeper;
import io.github.pcqualification.domain.port.out.QualificationPort;
import io.github.pcqualification.domain.port.out.ValidationCodePort;
import io.github.pcqualification.domain.rules.QualificationRules;
import io.github.pcqualification.domain.rules.Transition;
import io.github.pcqualification.domain.rules.TransitionRules;
import io.github.pcqualification.domain.rules.ValueRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Adapter: an in-memory Partner Center enforcing the service's rules. Thread-safe: every operation
 * and every seeding or scripting call may come from any thread; state changes are atomic (one lock),
 * and scripted latency is waited out without holding it.
 *
 * <p>It stores domain objects and answers with the outcome shapes the REST adapter produces from the
 * real service: {@link NotFound} (404, code 60003) for an unknown customer; {@link Rejected} (400,
 * 900126) for a value the endpoint cannot set; {@link Rejected} (403, 600006) when the transition
 * rules refuse (also when the customer already holds the value: the use case, not the port, turns that
 * into {@code Unchanged}); {@link Rejected} (400, no code) for a missing, foreign or used-up validation
 * code. A GCC success consumes one create of its code and links the code to the customer (its validations list the
 * links in the order made; a customer seeded with GCC has the links {@link #linkValidation} seeds). Asynchronous requests start {@code InReview}
 * (dated by the injected {@link Clock}); {@link #approve} and {@link #deny} move them on; a denied
 * qualification does not count as held. Scripted {@link Fault}s replace (or delay) the next answers.
 *
 * <p>Make a new instance per test; never share one through a static field.
 */
public final class InMemoryPartnerCenter implements QualificationPort, ValidationCodePort {

    /** The partner id the fake reports on its validation codes. */
    public static final String PARTNER_ID = "0f0e0d0c-0b0a-4908-8706-050403020100";
    /** The organization name the fake reports on its validation codes. */
    public static final String ORGANIZATION_NAME = "Fake Partner, Inc.";
    /**
     * The entity tag the fake reports on every validation linked to a customer: a link never changes, so it stays at
     * version 1, in the form of the codes' tags.
     */
    public static final String LINKED_VALIDATION_ETAG = "W/\"1\"";

    private static final VettingStatus APPROVED = VettingStatus.of(VettingStatus.State.APPROVED);
    private static final VettingStatus IN_REVIEW = VettingStatus.of(VettingStatus.State.IN_REVIEW);
    private static final VettingStatus DENIED = VettingStatus.of(VettingStatus.State.DENIED);

    private final Clock clock;

    private final Object lock = new Object();
    /** Per customer, its qualifications in the order they were given, each with its vetting. */
    private final Map<CustomerId, LinkedHashMap<Qualification, Vetting>> customers = new HashMap<>();
    private final LinkedHashMap<ValidationCode, CodeState> codes = new LinkedHashMap<>();
    /** Per customer, the validation codes its GCC successes used, in the order used. */
    private final Map<CustomerId, List<ValidationCode>> linkedCodes = new HashMap<>();
    private final FaultScript faults;

    /** An empty fake on the system clock; scripted latency really sleeps. */
    public InMemoryPartnerCenter() {
        this(Clock.systemUTC(), Sleeper.real());
    }

    /**
     * An empty fake on the system clock whose scripted latency goes through {@code sleeper}.
     *
     * @param sleeper how latency is waited out (tests pass one that does not sleep)
     * @throws NullPointerException if {@code sleeper} is null
     */
    public InMemoryPartnerCenter(Sleeper sleeper) {
        this(Clock.systemUTC(), sleeper);
    }

    /**
     * An empty fake dating vetting by {@code clock} and waiting out latency through {@code sleeper}.
     *
     * @param clock the clock for vetting dates
     * @param sleeper how latency is waited out
     * @throws NullPointerException if either is null
     */
    public InMemoryPartnerCenter(Clock clock, Sleeper sleeper) {
        this.clock = checkNotNull(clock, "clock");
        this.faults = new FaultScript(checkNotNull(sleeper, "sleeper"));
    }

    // ---------------------------------------------------------------- seeding and inspection

    /**
     * Adds a customer holding {@code held} (approved, in that order; {@code None} means nothing).
     *
     * @param customer the customer's id
     * @param held the qualifications it holds; none for a customer that holds nothing
     * @return this fake, for chaining
     * @throws IllegalArgumentException if the customer exists or {@code held} breaks the transition
     *     rules (Education with GovernmentCommunityCloud, say)
     */
    public InMemoryPartnerCenter addCustomer(CustomerId customer, Qualification... held) {
        checkNotNull(customer, "customer");
        checkNotNull(held, "held");
        LinkedHashMap<Qualification, Vetting> entries = new LinkedHashMap<>();
        for (Qualification q : held) {
            checkNotNull(q, "held qualification");
            if (q == Qualification.NONE || entries.containsKey(q)) {
                continue;
            }
            Transition transition = TransitionRules.evaluate(reported(entries.keySet()), q);
            checkArgument(transition.fold(() -> true, () -> false, refused -> false),
                    "customer %s cannot hold %s: %s", customer, q.wireName(), transition);
            entries.put(q, new Vetting(APPROVED, Optional.empty(), Optional.empty()));
        }
        synchronized (lock) {
            checkArgument(!customers.containsKey(customer), "customer %s was already added", customer);
            customers.put(customer, entries);
        }
        return this;
    }

    /**
     * Gives the partner a validation code with {@code remainingCreates} of {@code maxCreates} left.
     *
     * @param code the code
     * @param maxCreates how many customers the code may qualify in all; not negative
     * @param remainingCreates how many it may still qualify, 0 to {@code maxCreates}
     * @return this fake, for chaining
     * @throws IllegalArgumentException if the code exists or the counts are inconsistent
     */
    public InMemoryPartnerCenter addValidationCode(ValidationCode code, int maxCreates, int remainingCreates) {
        checkNotNull(code, "code");
        checkArgument(maxCreates >= 0, "maxCreates must not be negative, got %s", maxCreates);
        checkArgument(remainingCreates >= 0 && remainingCreates <= maxCreates,
                "remainingCreates must be between 0 and maxCreates (%s), got %s", maxCreates, remainingCreates);
        synchronized (lock) {
            checkArgument(!codes.containsKey(code), "validation code %s was already added", code);
            codes.put(code, new CodeState(maxCreates, remainingCreates));
        }
        return this;
    }

    /**
     * Seeds a link between a customer that holds Government Community Cloud and one of the partner's validation codes,
     * as an earlier GCC qualification with that code left it: the customer's validations list it. Seeding history
     * uses no create of the code.
     *
     * @param customer a customer the fake holds, holding {@code GovernmentCommunityCloud}
     * @param code one of the partner's codes ({@link #addValidationCode}), not yet linked to the customer
     * @return this fake, for chaining
     * @throws IllegalArgumentException if the customer or the code is unknown, the customer does not hold GCC, or the
     *     link exists
     */
    public InMemoryPartnerCenter linkValidation(CustomerId customer, ValidationCode code) {
        checkNotNull(customer, "customer");
        checkNotNull(code, "code");
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            checkArgument(entries != null, "unknown customer %s", customer);
            checkArgument(codes.containsKey(code), "unknown validation code %s: add it with addValidationCode first",
                    code);
            checkArgument(entries.containsKey(Qualification.GOVERNMENT_COMMUNITY_CLOUD),
                    "customer %s does not hold GovernmentCommunityCloud: only a GCC qualification links a validation",
                    customer);
            List<ValidationCode> linked = linkedCodes.computeIfAbsent(customer, c -> new ArrayList<>());
            checkArgument(!linked.contains(code), "validation code %s is already linked to customer %s", code, customer);
            linked.add(code);
        }
        return this;
    }

    /**
     * The customer's current qualifications, each with its vetting, in the order given (for assertions).
     *
     * @param customer a customer the fake holds
     * @return a snapshot of its qualifications; empty if it holds none
     * @throws IllegalArgumentException if the fake does not hold the customer
     */
    public List<CustomerQualification> qualificationsOf(CustomerId customer) {
        checkNotNull(customer, "customer");
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            checkArgument(entries != null, "unknown customer %s", customer);
            return withVetting(entries);
        }
    }

    /**
     * How many creates the code has left (for assertions).
     *
     * @param code a code the fake holds
     * @return the creates left, 0 when used up
     * @throws IllegalArgumentException if the fake does not hold the code
     */
    public int remainingCreates(ValidationCode code) {
        checkNotNull(code, "code");
        synchronized (lock) {
            CodeState state = codes.get(code);
            checkArgument(state != null, "unknown validation code %s", code);
            return state.remaining;
        }
    }

    /**
     * Requests received so far, of every operation, including those answered with a fault.
     *
     * @return the number of requests received
     */
    public int callCount() {
        return faults.requests();
    }

    // ---------------------------------------------------------------- scripting

    /**
     * The next {@code calls} requests, of any operation and customer, meet {@code fault}.
     *
     * @param calls how many requests; positive
     * @param fault the fault they meet
     * @return this fake, for chaining
     * @throws IllegalArgumentException if {@code calls} is not positive
     */
    public InMemoryPartnerCenter failNext(int calls, Fault fault) {
        checkArgument(calls > 0, "calls must be positive, got %s", calls);
        checkNotNull(fault, "fault");
        faults.failNext(calls, fault);
        return this;
    }

    /**
     * The next {@code calls} requests about {@code customer} meet {@code fault}; they take precedence
     * over faults scripted with {@link #failNext}. Listing the partner's validation codes concerns no customer; listing
     * the customer's linked validations does.
     *
     * @param customer the customer whose requests fail
     * @param calls how many requests; positive
     * @param fault the fault they meet
     * @return this fake, for chaining
     * @throws IllegalArgumentException if {@code calls} is not positive
     */
    public InMemoryPartnerCenter failFor(CustomerId customer, int calls, Fault fault) {
        checkNotNull(customer, "customer");
        checkArgument(calls > 0, "calls must be positive, got %s", calls);
        checkNotNull(fault, "fault");
        faults.failFor(customer, calls, fault);
        return this;
    }

    /**
     * The service's vetting approves the customer's qualification {@code q}.
     *
     * @param customer a customer the fake holds
     * @param q a qualification the customer holds or has requested
     * @return this fake, for chaining
     * @throws IllegalArgumentException if the customer is unknown or has no such qualification
     */
    public InMemoryPartnerCenter approve(CustomerId customer, Qualification q) {
        return vet(customer, q, APPROVED, Optional.empty());
    }

    /**
     * The service's vetting denies the customer's qualification {@code q}, giving {@code reason}.
     *
     * @param customer a customer the fake holds
     * @param q a qualification the customer holds or has requested
     * @param reason the denial's reason, as the service would report it; not blank
     * @return this fake, for chaining
     * @throws IllegalArgumentException if the customer is unknown, has no such qualification, or
     *     {@code reason} is blank
     */
    public InMemoryPartnerCenter deny(CustomerId customer, Qualification q, String reason) {
        checkNotNull(reason, "reason");
        checkArgument(!reason.isBlank(), "reason must not be blank");
        return vet(customer, q, DENIED, Optional.of(reason));
    }

    private InMemoryPartnerCenter vet(CustomerId customer, Qualification q, VettingStatus status, Optional<String> reason) {
        checkNotNull(customer, "customer");
        checkNotNull(q, "qualification");
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            checkArgument(entries != null, "unknown customer %s", customer);
            Vetting current = entries.get(q);
            checkArgument(current != null, "customer %s has no %s to vet", customer, q.wireName());
            entries.put(q, new Vetting(status, reason, current.createdAt()));
        }
        return this;
    }

    // ---------------------------------------------------------------- QualificationPort

    @Override
    public UpdateOutcome setQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.of(request.customer()), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        Qualification q = request.qualification();
        ValueRules rules = QualificationRules.of(q);
        if (!rules.isSettableThrough(ApiMode.SYNCHRONOUS)) {
            return new Rejected(ServiceAnswers.unableToParse("Unable to parse the qualification '" + q.wireName()
                            + "': only " + settableNames(ApiMode.SYNCHRONOUS) + " can be set through this endpoint"),
                    Rejected.Reason.REQUEST_REFUSED, context);
        }
        return give(request, Optional.empty(), context);
    }

    @Override
    public UpdateOutcome requestQualification(QualificationRequest request, OperationContext context) {
        checkNotNull(request, "request");
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.of(request.customer()), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        Qualification q = request.qualification();
        ValueRules rules = QualificationRules.of(q);
        if (!rules.isSettableThrough(ApiMode.ASYNCHRONOUS)) {
            return new Rejected(ServiceAnswers.unableToParse("Unable to parse the qualification '" + q.wireName()
                            + "': only " + settableNames(ApiMode.ASYNCHRONOUS) + " can be requested"),
                    Rejected.Reason.REQUEST_REFUSED, context);
        }
        if (rules.needsEducationSegment(ApiMode.ASYNCHRONOUS) && request.educationSegment().isEmpty()) {
            return new Rejected(ServiceAnswers.badRequest(q.wireName() + " needs an educationSegment (K12 or HigherEducation)."),
                    Rejected.Reason.REQUEST_REFUSED, context);
        }
        return give(request, Optional.of(IN_REVIEW), context);
    }

    /** The checks both APIs share, then the change; {@code vetting} empty means set at once (synchronous). */
    private UpdateOutcome give(QualificationRequest request, Optional<VettingStatus> vetting, OperationContext context) {
        Qualification q = request.qualification();
        CustomerId customer = request.customer();
        boolean needsCode = QualificationRules.of(q).needsValidationCode();
        if (needsCode && request.validationCode().isEmpty()) {
            return new Rejected(ServiceAnswers.badRequest(q.wireName() + " needs the partner's validation code."),
                    Rejected.Reason.REQUEST_REFUSED, context);
        }
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            if (entries == null) {
                return new NotFound(ServiceAnswers.tenantNotFound(customer), context);
            }
            Optional<Rejected> refusal = TransitionRules.evaluate(held(entries), q).fold(
                    Optional::empty,
                    () -> Optional.of(new Rejected(ServiceAnswers.actionNotAllowed("The customer already has the"
                            + " qualification " + q.wireName() + "; it cannot be set again."),
                            Rejected.Reason.REQUEST_REFUSED, context)),
                    refused -> Optional.of(new Rejected(ServiceAnswers.actionNotAllowed(refused.violation().message()),
                            Rejected.Reason.REQUEST_REFUSED, context)));
            if (refusal.isPresent()) {
                return refusal.get();
            }
            if (needsCode) {
                ValidationCode code = request.validationCode().orElseThrow();
                CodeState state = codes.get(code);
                if (state == null) {
                    return new Rejected(ServiceAnswers.badRequest(
                            "The validation code is not one of the partner's validation codes."), Rejected.Reason.REQUEST_REFUSED,
                            context);
                }
                if (state.remaining == 0) {
                    return new Rejected(ServiceAnswers.badRequest(
                            "The validation code has no remaining creates."), Rejected.Reason.REQUEST_REFUSED, context);
                }
                state.remaining--;
                state.version++;
                linkedCodes.computeIfAbsent(customer, c -> new ArrayList<>()).add(code);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Vetting stored = new Vetting(vetting.orElse(APPROVED), Optional.empty(), Optional.of(now));
            entries.put(q, stored);
            Optional<Vetting> reported = vetting.isPresent() ? Optional.of(stored) : Optional.empty();
            return new Updated(customer, new CustomerQualification(ReportedQualification.of(q), reported), context);
        }
    }

    @Override
    public GetOutcome getQualification(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.of(customer), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            if (entries == null) {
                return new NotFound(ServiceAnswers.tenantNotFound(customer), context);
            }
            Qualification first = entries.entrySet().stream()
                    .filter(e -> !isDenied(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(Qualification.NONE);
            return new Found(customer, List.of(CustomerQualification.of(first)), context);
        }
    }

    @Override
    public GetOutcome getQualifications(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.of(customer), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        synchronized (lock) {
            LinkedHashMap<Qualification, Vetting> entries = customers.get(customer);
            if (entries == null) {
                return new NotFound(ServiceAnswers.tenantNotFound(customer), context);
            }
            return new Found(customer, withVetting(entries), context);
        }
    }

    // ---------------------------------------------------------------- ValidationCodePort

    @Override
    public CodesOutcome listValidationCodes(OperationContext context) {
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.empty(), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        synchronized (lock) {
            ImmutableList.Builder<PartnerValidationCode> listed = ImmutableList.builder();
            codes.forEach((code, state) -> listed.add(new PartnerValidationCode(code, Optional.of(PARTNER_ID),
                    Optional.of(ORGANIZATION_NAME), OptionalInt.of(state.max), OptionalInt.of(state.remaining),
                    Optional.of("W/\"" + state.version + "\""))));
            return new CodesListed(listed.build(), context);
        }
    }

    @Override
    public ValidationsOutcome listValidations(CustomerId customer, OperationContext context) {
        checkNotNull(customer, "customer");
        checkNotNull(context, "context");
        Optional<Failure> fault = faults.receive(Optional.of(customer), context);
        if (fault.isPresent()) {
            return fault.get();
        }
        synchronized (lock) {
            if (!customers.containsKey(customer)) {
                return new NotFound(ServiceAnswers.tenantNotFound(customer), context);
            }
            List<CustomerValidation> listed = linkedCodes.getOrDefault(customer, List.of()).stream()
                    .map(code -> new CustomerValidation(customer, Optional.of(PARTNER_ID), code,
                            Optional.of(ORGANIZATION_NAME), Optional.of(LINKED_VALIDATION_ETAG)))
                    .collect(ImmutableList.toImmutableList());
            return new ValidationsListed(customer, listed, context);
        }
    }

    // ---------------------------------------------------------------- internals

    /** The values {@code mode}'s endpoint sets, as the table says, for its refusal: "A, B and C". */
    private static String settableNames(ApiMode mode) {
        List<String> names = QualificationRules.settableThrough(mode).stream().map(Qualification::wireName).toList();
        int last = names.size() - 1;
        return last <= 0 ? String.join("", names) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    private static boolean isDenied(Vetting vetting) {
        return vetting.status().equals(DENIED);
    }

    /** What counts as held: every qualification not denied. */
    private static List<ReportedQualification> held(LinkedHashMap<Qualification, Vetting> entries) {
        return entries.entrySet().stream()
                .filter(e -> !isDenied(e.getValue()))
                .map(e -> ReportedQualification.of(e.getKey()))
                .collect(ImmutableList.toImmutableList());
    }

    private static List<ReportedQualification> reported(Iterable<Qualification> values) {
        ImmutableList.Builder<ReportedQualification> out = ImmutableList.builder();
        values.forEach(q -> out.add(ReportedQualification.of(q)));
        return out.build();
    }

    private static List<CustomerQualification> withVetting(LinkedHashMap<Qualification, Vetting> entries) {
        return entries.entrySet().stream()
                .map(e -> new CustomerQualification(ReportedQualification.of(e.getKey()), Optional.of(e.getValue())))
                .collect(ImmutableList.toImmutableList());
    }

    /** A validation code's counts. Guarded by {@code lock}. */
    private static final class CodeState {
        final int max;
        int remaining;
        int version = 1;

        CodeState(int max, int remaining) {
            this.max = max;
            this.remaining = remaining;
        }
    }
}
