package io.govlife.command.bump;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovName;
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

/** A citizen's fingerprint bump: scheduled with its cutover, cancelled before it. */
@RestController
@RequestMapping("/api/govs/{gov}/citizens/{citizen}/bumps")
class BumpController {

    private final GovCommands commands;

    BumpController(GovCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<GovState> schedule(@PathVariable GovName gov, @PathVariable CitizenName citizen,
                                      @Valid @RequestBody BumpRequest body, Write write) {
        BumpFingerprint command = new BumpFingerprint(gov, citizen, Fingerprint.of(body.fingerprint()),
                body.cutoverAt(), write.expectedVersion());
        return commands.created(command, write, body.reason(),
                UriComponentsBuilder.fromPath("/api/govs/{gov}/citizens/{citizen}/bumps/current")
                        .build(gov.value(), citizen.value()));
    }

    @DeleteMapping("/current")
    ResponseEntity<GovState> cancel(@PathVariable GovName gov, @PathVariable CitizenName citizen,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new CancelFingerprintBump(gov, citizen, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
