package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code codes}: list the partner's validation codes. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "List the partner's validation codes (needed for GovernmentCommunityCloud).")
final class CodesCommand extends RemoteCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (PartnerCenterQualifications pc = open(ApiMode.SYNCHRONOUS)) {
            return root.report(pc.listValidationCodes(), effective());
        }
    }
}
