package io.govlife.events.operator;

import io.govlife.events.Name;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CitizenOperatorRemoved(Name gov, Name citizen, String operator) implements GovEvent {
}
