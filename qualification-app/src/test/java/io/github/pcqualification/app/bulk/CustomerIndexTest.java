package io.github.pcqualification.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bulk job's duplicate index: the first line of each customer, through collisions (linear probing, also
 * across the end of the table) and through every doubling of the table.
 */
class CustomerIndexTest {

    private static final int LAST_SLOT = CustomerIndex.INITIAL_SLOTS - 1;

    private final CustomerIndex index = new CustomerIndex();

    @Test
    void aNewCustomer_isRecorded_andItsFirstLineIsWhatLaterLinesGet() {
        UUID customer = UUID.fromString("0a1b2c3d-0000-4000-8000-00000000abcd");

        OptionalLong first = index.putIfAbsent(customer, 2);
        OptionalLong second = index.putIfAbsent(customer, 7);
        OptionalLong third = index.putIfAbsent(customer, 9);

        assertThat(first).isEmpty();
        assertThat(second).hasValue(2);
        assertThat(third).hasValue(2);
    }

    @Test
    void customersThatShareHalfTheirBits_areDifferentCustomers() {
        UUID customer = new UUID(1, 2);

        index.putIfAbsent(customer, 2);

        assertThat(index.putIfAbsent(new UUID(1, 3), 3)).isEmpty();
        assertThat(index.putIfAbsent(new UUID(4, 2), 4)).isEmpty();
        assertThat(index.putIfAbsent(new UUID(1, 2), 5)).hasValue(2);
    }

    @Test
    void customersThatStartAtTheSameSlot_areEachFoundWithTheirOwnLine() {
        List<UUID> colliding = startingAt(100, 40);

        for (int i = 0; i < colliding.size(); i++) {
            assertThat(index.putIfAbsent(colliding.get(i), 2 + i)).as("new #%d", i).isEmpty();
        }

        for (int i = 0; i < colliding.size(); i++) {
            assertThat(index.putIfAbsent(colliding.get(i), 1000 + i)).as("again #%d", i).hasValue(2 + i);
        }
        UUID unseen = startingAt(100, 41).get(40);
        assertThat(index.putIfAbsent(unseen, 99)).as("a colliding customer not seen before").isEmpty();
    }

    @Test
    void probingPastTheLastSlot_wrapsToTheFirst() {
        List<UUID> atTheEnd = startingAt(LAST_SLOT, 5);

        for (int i = 0; i < atTheEnd.size(); i++) {
            assertThat(index.putIfAbsent(atTheEnd.get(i), 10 + i)).isEmpty();
        }

        for (int i = 0; i < atTheEnd.size(); i++) {
            assertThat(index.putIfAbsent(atTheEnd.get(i), 50 + i)).as("#%d", i).hasValue(10 + i);
        }
        assertThat(startingAt(0, 3)).allSatisfy(other -> assertThat(index.putIfAbsent(other, 99)).isEmpty());
    }

    @Test
    void growingThroughManyDoublings_keepsEveryCustomerAndItsFirstLine() {
        // 100,000 customers: the table doubles from 1,024 slots eight times, to 262,144. Colliding customers
        // and ones at the end of the first table go in first, so growing has to move clusters too.
        List<UUID> customers = new ArrayList<>(startingAt(LAST_SLOT, 30));
        customers.addAll(startingAt(7, 30));
        Random random = new Random(12);
        while (customers.size() < 100_000) {
            customers.add(new UUID(random.nextLong(), random.nextLong()));
        }

        for (int i = 0; i < customers.size(); i++) {
            assertThat(index.putIfAbsent(customers.get(i), 2 + i)).as("new #%d", i).isEmpty();
        }

        for (int i = 0; i < customers.size(); i++) {
            OptionalLong again = index.putIfAbsent(customers.get(i), 500_000 + i);
            if (again.isEmpty() || again.getAsLong() != 2 + i) {
                assertThat(again).as("customer #%d %s after growing", i, customers.get(i)).hasValue(2 + i);
            }
        }
        assertThat(index.putIfAbsent(new UUID(random.nextLong(), random.nextLong()), 600_000)).isEmpty();
    }

    @Test
    void lineZero_isRefused_forItMarksAnEmptySlot() {

        assertThatIllegalArgumentException().isThrownBy(() -> index.putIfAbsent(new UUID(1, 1), 0));
    }

    /** {@code count} distinct customers whose probing starts at {@code slot} of the initial table. */
    private static List<UUID> startingAt(int slot, int count) {
        List<UUID> found = new ArrayList<>();
        long most = 0x5eed_0000_0000_4000L;
        for (long least = 0; found.size() < count; least++) {
            if (CustomerIndex.slot(most, least, LAST_SLOT) == slot) {
                found.add(new UUID(most, least));
            }
        }
        return found;
    }
}
