package io.govlife.command.gov;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.PublishGovConfig;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Publishing the draft as the next revision of the GovConfig. */
@RestController
@RequestMapping("/api/govs/{gov}/publications")
record PublicationController(GovCommands commands) {

    @PostMapping
    ResponseEntity<GovState> publish(@PathVariable Name gov,
                                     @Valid @RequestBody(required = false) PublicationRequest body, Write write) {
        PublicationRequest request = body == null ? new PublicationRequest(null, null) : body;
        GovState state = commands.send(new PublishGovConfig(gov, request.notes(), write.expectedVersion()), write,
                request.reason());
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/govs/{gov}/config")
                        .queryParam("revision", state.publishedRevision()).build(gov.value()))
                .eTag(GovCommands.etag(state)).body(state);
    }
}
