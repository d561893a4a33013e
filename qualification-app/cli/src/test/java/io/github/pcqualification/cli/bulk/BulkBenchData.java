package io.github.pcqualification.cli.bulk;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.pcqualification.adapter.fake.InMemoryPartnerCenter;
import io.github.pcqualification.domain.model.CustomerId;
import io.github.pcqualification.domain.policy.Sleeper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Test support: numbered fresh customers, a bulk input file listing them, and a fake that knows them. */
final class BulkBenchData {

    private BulkBenchData() {}

    /** The {@code i}-th customer: a version-4 GUID, distinct for every {@code i}. */
    static CustomerId customer(long i) {
        checkArgument(i >= 0, "i must not be negative, got %s", i);
        return new CustomerId(new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L | i));
    }

    /** Writes a bulk input of {@code rows} rows, customers {@code 0..rows-1}, each asking for Education. */
    static Path writeEducationInput(Path file, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customerId,qualification,validationCode\n");
            for (long i = 0; i < rows; i++) {
                out.write(customer(i).toString());
                out.write(",Education,\n");
            }
        }
        return file;
    }

    /** A fake that knows customers {@code 0..customers-1}, none of them holding anything. */
    static InMemoryPartnerCenter fakeWith(long customers, Sleeper sleeper) {
        InMemoryPartnerCenter fake = new InMemoryPartnerCenter(sleeper);
        for (long i = 0; i < customers; i++) {
            fake.addCustomer(customer(i));
        }
        return fake;
    }
}
