package io.govlife.events.service;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BasicServiceShipped(Name gov, ServiceRef service, Fingerprint draftFingerprint) implements GovEvent {
}
