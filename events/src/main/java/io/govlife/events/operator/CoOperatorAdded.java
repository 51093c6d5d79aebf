package io.govlife.events.operator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CoOperatorAdded(Name gov, String operator) implements GovEvent {
}
