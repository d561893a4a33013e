package io.github.pcqualification.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.pcqualification.domain.model.ApiMode;
import io.github.pcqualification.domain.model.CustomerQualification;
import io.github.pcqualification.domain.model.EducationSegment;
import io.github.pcqualification.domain.model.OperationContext;
import io.github.pcqualification.domain.model.Qualification;
import io.github.pcqualification.domain.model.ValidationCode;
import io.github.pcqualification.domain.model.Website;
import io.github.pcqualification.domain.outcome.Updated;
import io.github.pcqualification.domain.port.in.UpdateQualificationUseCase;
import io.github.pcqualification.domain.testing.SeededStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz: the bulk input. {@link RowParser} over 10,000+ seeded rows against an independent oracle, and
 * whole seeded CSV documents (10,000+ rows in all) through {@link BulkJob}: every row gets exactly one
 * report row, a broken file is a {@link BulkInputException} with a readable message, nothing else.
 */
class RowParserFuzzTest {

    private static final int ROWS = 10_500;
    private static final String[] QUALIFICATIONS = {"Education", "education", "GovernmentCommunityCloud",
        "government_community_cloud", "StateOwnedEntity", "None", "Nonprofit", "Charity", "", "\u212aducation"};
    private static final String[] SEGMENTS = {"", "", "K12", "HigherEducation", "higher-education", "K13", "\u041a12"};
    private static final String[] WEBSITES = {"", "", "contoso.edu", "https://contoso.edu/a", "contoso", "con toso.edu",
        "xn--cntoso-8ya.edu", "c\u043entoso.edu"};

    private static final java.util.regex.Pattern GUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @TempDir
    Path dir;

    @Test
    void everyRow_isARequestExactlyWhenTheOracleSaysSo_elseItsProblemsInOneLine() {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 7);
        int[] valid = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < ROWS; i++) {
                String[] f = row(gen, i % 3);
                boolean consistent = gen.random().nextInt(20) != 0;
                String where = "seed " + SeededStrings.SEED + ", row #" + i + ": " + SeededStrings.show(String.join(",", f))
                        + (consistent ? "" : " (inconsistent)");
                BulkRow row;
                try {
                    row = RowParser.parse(2 + i, f[0], f[1], f[2], f[3], f[4], consistent);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("unexpected " + e + ", " + where, e);
                }
                boolean expected = consistent && oracle(f);
                assertThat(row.request().isPresent()).as(where).isEqualTo(expected);
                row.problem().ifPresent(p -> assertThat(p).as(where).isNotBlank().doesNotContain("\n", "\r"));
                row.request().ifPresent(r -> {
                    valid[0]++;
                    assertThat(r.customer().toString()).as(where).isEqualToIgnoringCase(f[0]);
                    assertThat(r.validationCode().map(ValidationCode::value)).as(where)
                            .isEqualTo(f[2].isEmpty() ? Optional.empty() : Optional.of(f[2]));
                });
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);

        assertThat(valid[0]).as("valid rows were generated, seed %s", SeededStrings.SEED).isGreaterThan(ROWS / 20);
    }

    @Test
    void wholeDocuments_getOneReportRowPerRecord_orAReadableRefusal() throws IOException {
        SeededStrings gen = new SeededStrings(SeededStrings.SEED + 8);
        AtomicInteger sent = new AtomicInteger();
        UpdateQualificationUseCase useCase = request -> {
            sent.incrementAndGet();
            return new Updated(request.customer(), CustomerQualification.of(request.qualification()),
                    OperationContext.newOperation());
        };
        int[] rowsSeen = {0};
        int[] refused = {0};

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int d = 0; d < 150 && (rowsSeen[0] < 10_500 || d < 10); d++) {
                Random r = gen.random();
                int rows = 300 + r.nextInt(400);
                boolean damaged = d % 2 == 1;
                String document = document(gen, rows, damaged);
                Path input = dir.resolve("in-" + d + ".csv");
                Path output = dir.resolve("out-" + d + ".csv");
                Files.write(input, document.getBytes(StandardCharsets.UTF_8));
                String where = "seed " + SeededStrings.SEED + ", document #" + d + " (" + input + ")";
                BulkJob job = new BulkJob(useCase, new BulkJob.Options(input, output, 2, Optional.empty(), false,
                        ApiMode.SYNCHRONOUS), System::nanoTime);

                BulkJob.Summary summary;
                try {
                    summary = job.run();
                } catch (BulkInputException e) {
                    refused[0]++;
                    // Records are bounded (BulkJob.MAX_RECORD_CHARS): a generated field of up to a million characters
                    // may exceed it, and then the refusal must say so.
                    boolean overLong = document.lines().anyMatch(l -> l.length() > BulkJob.MAX_RECORD_CHARS);
                    assertThat(damaged || overLong && e.getMessage().contains("a row longer than"))
                            .as("an undamaged document was refused: " + e.getMessage() + ", " + where).isTrue();
                    assertThat(e.getMessage()).as(where).isNotBlank().doesNotContain("\n", "\r");
                    assertThat(output).as("no report for a refused input, " + where).doesNotExist();
                    continue;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("unexpected " + e + ", " + where, e);
                }
                if (!damaged) {
                    assertThat(summary.rows()).as(where).isEqualTo(rows);
                }
                rowsSeen[0] += summary.rows();
                checkReport(output, summary, where);
            }
        }, "fuzz batch hung, seed " + SeededStrings.SEED);

        assertThat(rowsSeen[0]).as("rows through BulkJob, seed %s", SeededStrings.SEED).isGreaterThanOrEqualTo(10_000);
        assertThat(refused[0]).as("some damaged documents were refused, seed %s", SeededStrings.SEED).isPositive();
        assertThat(sent.get()).isPositive();
    }

    private static void checkReport(Path output, BulkJob.Summary summary, String where) throws IOException {
        try (CSVParser report = CSVParser.builder().setPath(output).setCharset(StandardCharsets.UTF_8)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertThat(report.getHeaderNames()).as(where).containsExactlyElementsOf(ReportRow.HEADER);
            Set<Long> lines = new HashSet<>();
            long count = 0;
            for (CSVRecord record : report) {
                count++;
                assertThat(record.size()).as(where).isEqualTo(ReportRow.HEADER.size());
                long line = Long.parseLong(record.get("line"));
                assertThat(lines.add(line)).as("line %s reported once, %s", line, where).isTrue();
                assertThat(line).as(where).isBetween(2L, summary.rows() + 1);
                assertThat(RowOutcome.fromText(record.get("outcome"))).as(where).isPresent();
            }
            assertThat(count).as("one report row per input row, " + where).isEqualTo(summary.rows());
        }
    }

    // ---- generators

    private static String[] row(SeededStrings gen, int kind) {
        Random r = gen.random();
        String id = gen.hex(8) + "-" + gen.hex(4) + "-" + gen.hex(4) + "-" + gen.hex(4) + "-" + gen.hex(12);
        String qualification = QUALIFICATIONS[r.nextInt(QUALIFICATIONS.length)];
        String code = r.nextBoolean() ? "" : "GCC-" + gen.hex(1 + r.nextInt(12));
        String segment = SEGMENTS[r.nextInt(SEGMENTS.length)];
        String website = WEBSITES[r.nextInt(WEBSITES.length)];
        String[] f = {id, qualification, code, segment, website};
        if (kind == 1) {
            int which = r.nextInt(5);
            f[which] = gen.mutate(f[which]);
        } else if (kind == 2) {
            f[r.nextInt(5)] = gen.junk();
        }
        return f;
    }

    private static boolean oracle(String[] f) {
        if (!isGuid(f[0]) || Qualification.fromName(f[1]).isEmpty()) {
            return false;
        }
        if (!f[2].isEmpty() && !(f[2].length() <= 64 && f[2].chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            return false;
        }
        if (!f[3].isEmpty() && EducationSegment.fromName(f[3]).isEmpty()) {
            return false;
        }
        if (!f[4].isEmpty()) {
            try {
                Website.of(f[4]);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGuid(String s) {
        return s.length() == 36 && GUID.matcher(s).matches();
    }

    /** A CSV document; damaged ones carry broken quotes, NULs, lost columns, BOMs or stray line breaks. */
    private static String document(SeededStrings gen, int rows, boolean damaged) {
        Random r = gen.random();
        List<String> header = new ArrayList<>(List.of("customerId", "qualification", "validationCode", "educationSegment", "website"));
        if (r.nextBoolean()) {
            java.util.Collections.shuffle(header, r);
        }
        StringBuilder out = new StringBuilder(String.join(",", header)).append(r.nextBoolean() ? "\r\n" : "\n");
        for (int i = 0; i < rows; i++) {
            String[] f = row(gen, r.nextInt(3));
            String[] byHeader = new String[header.size()];
            String[] names = {"customerId", "qualification", "validationCode", "educationSegment", "website"};
            for (int k = 0; k < names.length; k++) {
                byHeader[header.indexOf(names[k])] = quote(f[k], r);
            }
            out.append(String.join(",", byHeader)).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        String text = out.toString();
        if (!damaged) {
            return text;
        }
        return switch (r.nextInt(7)) {
            case 0 -> text.replaceFirst(",", ",\"");
            case 1 -> "\ufeff" + text;
            case 2 -> text.replace("validationCode", "code");
            case 3 -> gen.mutate(text);
            case 4 -> text.substring(0, r.nextInt(text.length()));
            case 5 -> text.replace(",", r.nextBoolean() ? ";" : ",,");
            default -> text + "\"unterminated," + "x".repeat(r.nextInt(1000));
        };
    }

    /** Quotes a field as CSV does (always when it has a comma, quote or line break; sometimes anyway). */
    private static String quote(String field, Random r) {
        boolean must = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        if (must || r.nextInt(8) == 0) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
