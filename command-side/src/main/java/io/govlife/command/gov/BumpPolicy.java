package io.govlife.command.gov;

import java.time.Duration;

/** How far ahead a bump's cutover must lie when it is scheduled ({@code govlife.bump.minimum-notice}). */
public record BumpPolicy(Duration minimumNotice) {
}
