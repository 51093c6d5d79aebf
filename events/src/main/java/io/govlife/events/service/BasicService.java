package io.govlife.events.service;

/**
 * The four basic services a gov may ship, at most one of each. The declaration order is the order their
 * fingerprints enter GOV_ROOT, so it must never change.
 */
public enum BasicService {
    ATLAS,
    ALMANAC,
    CHRONICLE,
    PASSPORT
}
