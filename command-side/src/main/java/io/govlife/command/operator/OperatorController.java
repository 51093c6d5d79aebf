package io.govlife.command.operator;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.operator.AddCoOperator;
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

/** A federated gov: its owner adds and removes co-operators, who may then change it too. */
@RestController
@RequestMapping("/api/govs/{gov}/operators")
class OperatorController {

    private final GovCommands commands;

    OperatorController(GovCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<GovState> add(@PathVariable Name gov, @Valid @RequestBody OperatorRequest body, Write write) {
        return commands.created(new AddCoOperator(gov, body.operator(), write.expectedVersion()), write, body.reason(),
                UriComponentsBuilder.fromPath("/api/govs/{gov}/operators/{operator}")
                        .build(gov.value(), body.operator()));
    }

    @DeleteMapping("/{operator}")
    ResponseEntity<GovState> remove(@PathVariable Name gov, @PathVariable String operator,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new RemoveCoOperator(gov, operator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
