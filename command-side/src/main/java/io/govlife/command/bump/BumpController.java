package io.govlife.command.bump;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.BumpState;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovState;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A citizen's fingerprint bump: scheduled with its cutover, cancelled before it; by the gov's operators or the
 * citizen's own. A cutover inside the minimum notice or already past is taken and flagged in the answer.
 */
@RestController
@RequestMapping("/api/govs/{gov}/citizens/{citizen}/bumps")
record BumpController(GovCommands commands) {

    @PostMapping
    ResponseEntity<BumpState> schedule(@PathVariable Name gov, @PathVariable Name citizen,
                                      @Valid @RequestBody BumpRequest body, Write write) {
        BumpFingerprint command = new BumpFingerprint(gov, citizen, Fingerprint.of(body.fingerprint()),
                body.cutoverAt(), write.expectedVersion());
        BumpState state = commands.send(command, write, body.reason());
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/govs/{gov}/citizens/{citizen}/bumps/current")
                .build(gov.value(), citizen.value())).eTag(GovCommands.etag(state.state())).body(state);
    }

    @DeleteMapping("/current")
    ResponseEntity<GovState> cancel(@PathVariable Name gov, @PathVariable Name citizen,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new CancelFingerprintBump(gov, citizen, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
