package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.policy.RequestGate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command that talks to Partner Center (or the embedded fake) shares: global options and wiring. */
abstract class RemoteCommand {

    @ParentCommand
    QualificationCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions options;

    /** The global options as given before and after the command. */
    GlobalOptions effective() {
        return options.over(root.global);
    }

    /** The use cases for this command, through {@code mode}'s API. */
    PartnerCenterQualifications open(ApiMode mode) {
        return root.open(effective(), mode, spec.commandLine(), null);
    }

    /** As {@link #open(ApiMode)}, every request passing through {@code gate}. */
    PartnerCenterQualifications open(ApiMode mode, RequestGate gate) {
        return root.open(effective(), mode, spec.commandLine(), gate);
    }
}
