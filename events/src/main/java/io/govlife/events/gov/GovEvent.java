package io.govlife.events.gov;

/** Every event in a gov's stream. Each has a stable stored name in {@link io.govlife.events.StoredEventTypes}. */
public interface GovEvent {
    GovName gov();
}
