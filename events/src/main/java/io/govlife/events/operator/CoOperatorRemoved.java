package io.govlife.events.operator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CoOperatorRemoved(GovName gov, String operator) implements GovEvent {
}
