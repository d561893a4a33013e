package io.github.pcqualification.domain.outcome;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.PartnerValidationCode;
import java.util.List;

/** The partner's validation codes, in the order the service listed them. */
public record CodesListed(List<PartnerValidationCode> codes, OperationContext context) implements CodesOutcome {

    public CodesListed {
        codes = ImmutableList.copyOf(codes);
        checkNotNull(context, "context");
    }
}
