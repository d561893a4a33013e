package io.github.pcqualification.app.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code codes}: list the partner's validation codes. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "List the partner's validation codes (needed for GovernmentCommunityCloud).")
final class CodesCommand implements Callable<Integer> {

    @ParentCommand
    QualificationCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions options;

    @Override
    public Integer call() {
        GlobalOptions effective = options.over(root.global);
        try (PartnerCenterQualifications pc = root.open(effective, ApiMode.SYNCHRONOUS, spec.commandLine())) {
            return root.report(pc.listValidationCodes(), effective);
        }
    }
}
