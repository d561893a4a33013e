package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import java.util.List;
import java.util.function.Function;

/**
 * The partner's validation codes, in the order the service listed them.
 *
 * @param codes the codes, possibly none
 * @param context the ids of the operation
 */
public record CodesListed(List<PartnerValidationCode> codes, OperationContext context) implements CodesOutcome {

    /**
     * Keeps an immutable copy of the codes.
     *
     * @param codes the codes, possibly none
     * @param context the ids of the operation
     * @throws NullPointerException if either, or any code, is null
     */
    public CodesListed {
        codes = ImmutableList.copyOf(codes);
        checkNotNull(context, "context");
    }

    @Override
    public <R> R foldCodes(Function<? super CodesListed, ? extends R> listed,
            Function<? super Failure, ? extends R> failed) {
        checkNotNull(listed, "listed");
        checkNotNull(failed, "failed");
        return listed.apply(this);
    }
}
