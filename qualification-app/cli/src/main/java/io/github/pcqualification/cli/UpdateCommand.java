package io.github.pcqualification.cli;

import io.github.pcqualification.app.PartnerCenterQualifications;
import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code update}: give a customer a qualification. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Give a customer a qualification (Education, or GovernmentCommunityCloud with "
                + "--validation-code; StateOwnedEntity with --async).")
final class UpdateCommand extends RemoteCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, paramLabel = "ID", converter = Converters.CustomerIdConverter.class,
            description = "The customer tenant id (a GUID).")
    CustomerId customer;

    @Option(names = "--qualification", required = true, paramLabel = "VALUE",
            converter = Converters.QualificationConverter.class,
            description = "Education, GovernmentCommunityCloud or StateOwnedEntity (case-insensitive).")
    Qualification qualification;

    @Option(names = "--validation-code", paramLabel = "CODE", converter = Converters.ValidationCodeConverter.class,
            description = "The partner's validation code (GovernmentCommunityCloud only); see 'codes'.")
    ValidationCode validationCode;

    @Option(names = "--async", description = "Use the asynchronous (vetted) qualifications API.")
    boolean async;

    @Option(names = "--education-segment", paramLabel = "SEGMENT",
            converter = Converters.EducationSegmentConverter.class,
            description = "K12 or HigherEducation (Education with --async).")
    EducationSegment educationSegment;

    @Option(names = "--website", paramLabel = "HOST", converter = Converters.WebsiteConverter.class,
            description = "The school's website, e.g. contoso.edu (Education with --async).")
    Website website;

    @Override
    public Integer call() {
        QualificationRequest request = new QualificationRequest(customer, qualification,
                Optional.ofNullable(validationCode), Optional.ofNullable(educationSegment), Optional.ofNullable(website));
        try (PartnerCenterQualifications pc = open(async ? ApiMode.ASYNCHRONOUS : ApiMode.SYNCHRONOUS)) {
            return root.report(pc.update(request), effective());
        }
    }
}
