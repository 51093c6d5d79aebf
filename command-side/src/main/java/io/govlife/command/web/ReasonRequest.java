package io.govlife.command.web;

import jakarta.validation.constraints.Size;

/** The body of writes that carry nothing but the operator's reason (drops, withdrawals, cancellations, retirement). */
public record ReasonRequest(@Size(max = Constraints.REASON_MAX) String reason) {

    public static String reasonOf(ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
