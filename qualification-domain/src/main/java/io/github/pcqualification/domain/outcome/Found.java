package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.ReportedQualification;
import java.util.List;
import java.util.function.Function;

/**
 * The customer's qualifications. The synchronous API reports exactly one value (possibly
 * {@code None}); the asynchronous one a list, each with its vetting.
 *
 * @param customer the customer read
 * @param qualifications what it holds, in the order the service listed them
 * @param context the ids of the operation
 */
public record Found(CustomerId customer, List<CustomerQualification> qualifications, OperationContext context)
        implements GetOutcome {

    /**
     * Keeps an immutable copy of the qualifications.
     *
     * @param customer the customer read
     * @param qualifications what it holds
     * @param context the ids of the operation
     * @throws NullPointerException if any component, or any qualification, is null
     */
    public Found {
        checkNotNull(customer, "customer");
        qualifications = ImmutableList.copyOf(qualifications);
        checkNotNull(context, "context");
    }

    /**
     * The reported values, without vetting.
     *
     * @return the values in the order of {@link #qualifications()}
     */
    public List<ReportedQualification> values() {
        return qualifications.stream().map(CustomerQualification::qualification).collect(ImmutableList.toImmutableList());
    }

    @Override
    public <R> R foldGet(Function<? super Found, ? extends R> found, Function<? super Failure, ? extends R> failed) {
        checkNotNull(found, "found");
        checkNotNull(failed, "failed");
        return found.apply(this);
    }
}
