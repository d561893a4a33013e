package io.github.pcqualification.cli.bench;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.model.QualificationRequest;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.rules.RequestRules;
import io.github.pcqualification.domain.rules.RuleViolation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark: the local checks of one update request, from the caller's text to the rule verdict:
 * {@code CustomerId.parse} + the {@code QualificationRequest} record + {@code RequestRules.check}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class DomainChecksBenchmark {

    // not final: JMH must not let the JIT constant-fold the input
    private String customer = "11111111-1111-4111-8111-111111111111";
    private String code = "DEMO-GCC-12345";

    /** Education through the synchronous API: no code, one rule pass. */
    @Benchmark
    public List<RuleViolation> education() {
        QualificationRequest request = QualificationRequest.education(CustomerId.parse(customer));
        return check(request);
    }

    /** Government Community Cloud with the partner's validation code (also validated). */
    @Benchmark
    public List<RuleViolation> governmentCommunityCloud() {
        QualificationRequest request = QualificationRequest.governmentCommunityCloud(
                CustomerId.parse(customer), ValidationCode.of(code));
        return check(request);
    }

    private static List<RuleViolation> check(QualificationRequest request) {
        List<RuleViolation> violations = RequestRules.check(request, ApiMode.SYNCHRONOUS);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("a valid request was refused: " + violations);
        }
        return violations;
    }
}
