package io.govlife.events.operator;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CitizenOperatorRemoved(GovName gov, CitizenName citizen, String operator) implements GovEvent {
}
