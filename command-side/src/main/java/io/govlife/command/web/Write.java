package io.govlife.command.web;

/**
 * What every write carries besides its body, read from the request headers: who acts ({@code X-Operator}), the
 * gov version they saw ({@code If-Match}, may be null) and the correlation id that ties the resulting events to
 * this request ({@code X-Correlation-Id}, generated when absent).
 */
public record Write(String operator, Long expectedVersion, String correlationId) {
}
