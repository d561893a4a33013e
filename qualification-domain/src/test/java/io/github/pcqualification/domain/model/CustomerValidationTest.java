package io.github.pcqualification.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.testing.EqualsTester;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Specification of {@link CustomerValidation}: the customer and the code are required, the rest may be absent. */
class CustomerValidationTest {

    private static final CustomerId CUSTOMER = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abcd");
    private static final ValidationCode CODE = ValidationCode.of("12345");

    @Test
    void aValidationKnownOnlyByItsCustomerAndCode_hasNothingElse() {

        CustomerValidation validation = CustomerValidation.of(CUSTOMER, CODE);

        assertThat(validation.customer()).isEqualTo(CUSTOMER);
        assertThat(validation.validationId()).isEqualTo(CODE);
        assertThat(validation.partnerId()).isEmpty();
        assertThat(validation.organizationName()).isEmpty();
        assertThat(validation.eTag()).isEmpty();
    }

    @Test
    void validations_areEqualByEveryField() {
        CustomerId other = CustomerId.parse("0a1b2c3d-0000-4000-8000-00000000abce");

        new EqualsTester()
                .addEqualityGroup(CustomerValidation.of(CUSTOMER, CODE),
                        new CustomerValidation(CUSTOMER, Optional.empty(), CODE, Optional.empty(), Optional.empty()))
                .addEqualityGroup(CustomerValidation.of(other, CODE))
                .addEqualityGroup(CustomerValidation.of(CUSTOMER, ValidationCode.of("67890")))
                .addEqualityGroup(new CustomerValidation(CUSTOMER, Optional.of("p"), CODE, Optional.empty(), Optional.empty()))
                .addEqualityGroup(new CustomerValidation(CUSTOMER, Optional.empty(), CODE, Optional.of("o"), Optional.empty()))
                .addEqualityGroup(new CustomerValidation(CUSTOMER, Optional.empty(), CODE, Optional.empty(), Optional.of("e")))
                .testEquals();
    }
}
