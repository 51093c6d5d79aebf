package io.govlife.events.gov;

/** The current state of one gov; subscribed to, it streams every change of that gov. */
public record FindGov(String gov) {
}
