package io.govlife.command.operator;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.operator.AddCitizenOperator;
import io.govlife.events.operator.RemoveCitizenOperator;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The owner names or removes a citizen's operator, who may then announce that citizen's bumps through the gov. */
@RestController
@RequestMapping("/api/govs/{gov}/citizens/{citizen}/operators")
class CitizenOperatorController {

    private final GovCommands commands;

    CitizenOperatorController(GovCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<GovState> add(@PathVariable Name gov, @PathVariable Name citizen,
                                 @Valid @RequestBody OperatorRequest body, Write write) {
        return commands.created(new AddCitizenOperator(gov, citizen, body.operator(), write.expectedVersion()), write,
                body.reason(), UriComponentsBuilder.fromPath("/api/govs/{gov}/citizens/{citizen}/operators/{operator}")
                        .build(gov.value(), citizen.value(), body.operator()));
    }

    @DeleteMapping("/{operator}")
    ResponseEntity<GovState> remove(@PathVariable Name gov, @PathVariable Name citizen,
                                    @PathVariable String operator,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new RemoveCitizenOperator(gov, citizen, operator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
