package io.govlife.command.web;

import io.govlife.events.gov.GovState;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends a gov command with the write's metadata (operator, reason, correlation id: they land on every event the
 * command causes) and turns the gov's new state into the HTTP answer with its version as {@code ETag}.
 */
@Component
public record GovCommands(CommandGateway gateway) {

    public static final String OPERATOR = "operator";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";

    public ResponseEntity<GovState> ok(Object command, Write write, String reason) {
        GovState state = send(command, write, reason);
        return ResponseEntity.ok().eTag(etag(state)).body(state);
    }

    public ResponseEntity<GovState> created(Object command, Write write, String reason, URI location) {
        GovState state = send(command, write, reason);
        return ResponseEntity.created(location).eTag(etag(state)).body(state);
    }

    public <R> R send(Object command, Write write, String reason) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(OPERATOR, write.operator());
        metadata.put(CORRELATION_ID, write.correlationId());
        if (reason != null && !reason.isBlank()) {
            metadata.put(REASON, reason);
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
    }

    /** The gov's version as a strong entity tag, what {@code If-Match} sends back. */
    public static String etag(GovState state) {
        return "\"" + state.version() + "\"";
    }
}
