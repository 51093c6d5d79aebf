package io.govlife.events.service;

import io.govlife.events.gov.Fingerprint;

import java.util.Objects;

/** A shipped basic service: its fingerprint and where integrators read how to bind to it. */
public record ServiceRef(BasicService service, Fingerprint fingerprint, String docsUrl) {

    public ServiceRef {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
