package io.govlife.events.gov;

import io.govlife.events.Name;
/** Every event in a gov's stream. Each has a stable stored name in {@link io.govlife.events.StoredEventTypes}. */
public interface GovEvent {
    Name gov();
}
