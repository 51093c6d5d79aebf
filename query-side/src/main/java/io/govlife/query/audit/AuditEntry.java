package io.govlife.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One event of a gov as an auditor reads it: what, when, who, why, and the request it came from. */
record AuditEntry(long sequence, String type, Instant occurredAt, String operator, String reason,
                         String correlationId, String causationId, String citizen, String summary, JsonNode event) {
}
