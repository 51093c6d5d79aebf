package io.govlife.command.gov;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.RetireGov;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** A gov's own lifecycle: stood up, retired. */
@RestController
@RequestMapping("/api/govs")
record GovController(GovCommands commands) {

    @PostMapping
    ResponseEntity<GovState> create(@Valid @RequestBody CreateGovRequest body, Write write) {
        Name gov = Name.of(body.name());
        commands.send(new CreateGov(gov, body.archetype(), body.description()), write, body.reason());
        // A new gov is at version 0 with the empty draft; the creating handler answers only the identifier.
        GovState state = new GovState(gov.value(), 0, GovConfig.empty(gov).fingerprint().hex(), null, null);
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/govs/{gov}").build(gov.value()))
                .eTag(GovCommands.etag(state)).body(state);
    }

    @PostMapping("/{gov}/retirement")
    ResponseEntity<GovState> retire(@PathVariable Name gov, @Valid @RequestBody(required = false) ReasonRequest body,
                                    Write write) {
        return commands.ok(new RetireGov(gov, write.expectedVersion()), write, ReasonRequest.reasonOf(body));
    }
}
