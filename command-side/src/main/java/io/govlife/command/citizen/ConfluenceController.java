package io.govlife.command.citizen;

import io.govlife.command.web.Constraints;
import io.govlife.command.web.GovCommands;
import io.govlife.events.InvalidInput;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ConfirmConfluence;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.GovState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Confluences: commissioned over two or more citizens, upgraded to a new ConfluenceConfig. */
@RestController
@RequestMapping("/api/govs/{gov}/confluences")
record ConfluenceController(GovCommands commands) {

    @PostMapping
    ResponseEntity<GovState> commission(@PathVariable Name gov, @Valid @RequestBody ConfluenceRequest body,
                                        Write write) {
        if (body.name() == null) {
            throw new InvalidInput("name", "must not be null");
        }
        Name name = Name.of(body.name());
        return commands.created(new CommissionConfluence(gov, body.toConfig(name), write.expectedVersion()), write,
                body.reason(), CitizenController.citizenUri(gov, name));
    }

    @PutMapping("/{name}")
    ResponseEntity<GovState> upgrade(@PathVariable Name gov, @PathVariable Name name,
                                     @Valid @RequestBody ConfluenceRequest body, Write write) {
        if (body.name() != null && !body.name().equals(name.value())) {
            throw new InvalidInput("name", "must match the confluence named in the path, or be left out");
        }
        return commands.ok(new UpgradeConfluence(gov, body.toConfig(name), write.expectedVersion()), write,
                body.reason());
    }

    /** The reason is required: a confirmation is the operator's word that nothing needed to change. */
    record ConfirmationRequest(@NotBlank @Size(max = Constraints.REASON_MAX) String reason) {
    }

    @PostMapping("/{name}/confirmation")
    ResponseEntity<GovState> confirm(@PathVariable Name gov, @PathVariable Name name,
                                     @Valid @RequestBody ConfirmationRequest body, Write write) {
        return commands.ok(new ConfirmConfluence(gov, name, write.expectedVersion()), write, body.reason());
    }
}
