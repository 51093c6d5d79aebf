package io.govlife.command.operator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An operator, named by its token's operator name, to be given authority over a gov or one of its citizens. */
record OperatorRequest(@NotNull @Pattern(regexp = "^[\\p{Alnum}._@+-]{1,64}$",
        message = "must be 1-64 characters of letters, digits and . _ @ + -") String operator,
                       @Size(max = 500) String reason) {
}
