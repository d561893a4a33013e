package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code get}: read a customer's qualification(s), or the GCC validations linked to it. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Read a customer's qualification (with --async: every qualification and its vetting status;"
                + " with --validations: the GCC validations linked to it).")
final class GetCommand extends RemoteCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, paramLabel = "ID", converter = Converters.CustomerIdConverter.class,
            description = "The customer tenant id (a GUID).")
    CustomerId customer;

    @Option(names = "--async", description = "Use the asynchronous qualifications API (lists vetting status).")
    boolean async;

    @Option(names = "--validations",
            description = "List the GCC validations linked to the customer: which validation codes qualified it.")
    boolean validations;

    @Override
    public Integer call() {
        if (validations && async) {
            throw new ParameterException(spec.commandLine(),
                    "--validations and --async cannot be combined: the validations have one endpoint, not two APIs");
        }
        try (PartnerCenterQualifications pc = open(async ? ApiMode.ASYNCHRONOUS : ApiMode.SYNCHRONOUS)) {
            return validations ? root.report(pc.listValidations(customer), effective())
                    : root.report(pc.get(customer), effective());
        }
    }
}
