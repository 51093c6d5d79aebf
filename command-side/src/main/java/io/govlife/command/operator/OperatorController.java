package io.govlife.command.operator;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.gov.GovName;
import io.govlife.events.gov.GovState;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.RemoveCoOperator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    record CoOperatorRequest(@NotNull @Pattern(regexp = "^[\\p{Alnum}._@+-]{1,64}$",
            message = "must be 1-64 characters of letters, digits and . _ @ + -") String operator,
                             @Size(max = 500) String reason) {
    }

    @PostMapping
    ResponseEntity<GovState> add(@PathVariable GovName gov, @Valid @RequestBody CoOperatorRequest body, Write write) {
        return commands.created(new AddCoOperator(gov, body.operator(), write.expectedVersion()), write, body.reason(),
                UriComponentsBuilder.fromPath("/api/govs/{gov}/operators/{operator}")
                        .build(gov.value(), body.operator()));
    }

    @DeleteMapping("/{operator}")
    ResponseEntity<GovState> remove(@PathVariable GovName gov, @PathVariable String operator,
                                    @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new RemoveCoOperator(gov, operator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
