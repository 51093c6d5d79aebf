package io.govlife.command.gov;

import io.govlife.command.web.Constraints;
import jakarta.validation.constraints.Size;

/** {@code notes} go out with the revision on the change channel; {@code reason} goes to the audit trail. */
record PublicationRequest(@Size(max = Constraints.NOTES_MAX) String notes,
                                 @Size(max = Constraints.REASON_MAX) String reason) {
}
