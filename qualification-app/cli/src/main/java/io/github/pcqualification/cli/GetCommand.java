package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code get}: read a customer's qualification(s). */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Read a customer's qualification (with --async: every qualification and its vetting status).")
final class GetCommand extends RemoteCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, paramLabel = "ID", converter = Converters.CustomerIdConverter.class,
            description = "The customer tenant id (a GUID).")
    CustomerId customer;

    @Option(names = "--async", description = "Use the asynchronous qualifications API (lists vetting status).")
    boolean async;

    @Override
    public Integer call() {
        try (PartnerCenterQualifications pc = open(async ? ApiMode.ASYNCHRONOUS : ApiMode.SYNCHRONOUS)) {
            return root.report(pc.get(customer), effective());
        }
    }
}
