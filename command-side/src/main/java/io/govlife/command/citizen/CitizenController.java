package io.govlife.command.citizen;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.citizen.ReplaceCitizen;
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

import java.net.URI;

/** Lattices and organisms: referenced into the draft, dropped, replaced. */
@RestController
@RequestMapping("/api/govs/{gov}")
record CitizenController(GovCommands commands) {

    @PostMapping("/lattices")
    ResponseEntity<GovState> referenceLattice(@PathVariable Name gov, @Valid @RequestBody LatticeRequest body,
                                              Write write) {
        return reference(gov, body.toRef(), write, body.reason());
    }

    @PostMapping("/organisms")
    ResponseEntity<GovState> referenceOrganism(@PathVariable Name gov, @Valid @RequestBody OrganismRequest body,
                                               Write write) {
        return reference(gov, body.toRef(), write, body.reason());
    }

    @DeleteMapping("/citizens/{citizen}")
    ResponseEntity<GovState> drop(@PathVariable Name gov, @PathVariable Name citizen,
                                  @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new DropCitizen(gov, citizen, write.expectedVersion()), write, ReasonRequest.reasonOf(body));
    }

    @PostMapping("/citizens/{citizen}/replacement")
    ResponseEntity<GovState> replace(@PathVariable Name gov, @PathVariable Name citizen,
                                     @Valid @RequestBody ReplacementRequest body, Write write) {
        CitizenRef replacement = body.toRef();
        return commands.created(new ReplaceCitizen(gov, citizen, replacement, write.expectedVersion()), write,
                body.reason(), citizenUri(gov, replacement.name()));
    }

    private ResponseEntity<GovState> reference(Name gov, CitizenRef citizen, Write write, String reason) {
        return commands.created(new ReferenceCitizen(gov, citizen, write.expectedVersion()), write, reason,
                citizenUri(gov, citizen.name()));
    }

    static URI citizenUri(Name gov, Name citizen) {
        return UriComponentsBuilder.fromPath("/api/govs/{gov}/citizens/{citizen}").build(gov.value(), citizen.value());
    }
}
