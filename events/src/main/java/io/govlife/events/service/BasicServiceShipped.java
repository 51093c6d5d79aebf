package io.govlife.events.service;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BasicServiceShipped(GovName gov, ServiceRef service, Fingerprint draftFingerprint) implements GovEvent {
}
