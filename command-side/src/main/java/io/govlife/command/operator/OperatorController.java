package io.govlife.command.operator;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.operator.AddCitizenOperator;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.RemoveCitizenOperator;
import io.govlife.events.operator.RemoveCoOperator;
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
 * Who may act on a gov besides its owner. In a federated gov the owner adds and removes co-operators, who may then
 * change it too; and names or removes a citizen's operators, who may then announce that citizen's bumps through the
 * gov and nothing else.
 */
@RestController
@RequestMapping("/api/govs/{gov}")
record OperatorController(GovCommands commands) {

    @PostMapping("/operators")
    ResponseEntity<GovState> add(@PathVariable Name gov, @Valid @RequestBody OperatorRequest body, Write write) {
        return commands.created(new AddCoOperator(gov, body.operator(), write.expectedVersion()), write, body.reason(),
                UriComponentsBuilder.fromPath("/api/govs/{gov}/operators/{operator}")
                        .build(gov.value(), body.operator()));
    }

    @DeleteMapping("/operators/{operator}")
    ResponseEntity<GovState> remove(@PathVariable Name gov, @PathVariable String operator,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new RemoveCoOperator(gov, operator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }

    @PostMapping("/citizens/{citizen}/operators")
    ResponseEntity<GovState> addToCitizen(@PathVariable Name gov, @PathVariable Name citizen,
                                          @Valid @RequestBody OperatorRequest body, Write write) {
        return commands.created(new AddCitizenOperator(gov, citizen, body.operator(), write.expectedVersion()), write,
                body.reason(), UriComponentsBuilder.fromPath("/api/govs/{gov}/citizens/{citizen}/operators/{operator}")
                        .build(gov.value(), citizen.value(), body.operator()));
    }

    @DeleteMapping("/citizens/{citizen}/operators/{operator}")
    ResponseEntity<GovState> removeFromCitizen(@PathVariable Name gov, @PathVariable Name citizen,
                                               @PathVariable String operator,
                                               @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new RemoveCitizenOperator(gov, citizen, operator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
