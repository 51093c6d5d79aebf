package io.govlife.command.web;

/**
 * What every write carries besides its body: who acts (the operator its bearer token stands for), the gov version
 * they saw ({@code If-Match}, may be null) and the correlation id that ties the resulting events to this request
 * ({@code X-Correlation-Id}, generated when absent).
 */
public record Write(String operator, Long expectedVersion, String correlationId) {
}
