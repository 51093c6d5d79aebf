package io.govlife.command.service;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import io.govlife.events.service.WithdrawBasicService;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Basic services: at most one of each kind, so the kind is the resource and shipping is a PUT. */
@RestController
@RequestMapping("/api/govs/{gov}/services")
record ServiceController(GovCommands commands) {

    @PutMapping("/{service}")
    ResponseEntity<GovState> ship(@PathVariable Name gov, @PathVariable BasicService service,
                                  @Valid @RequestBody ServiceRequest body, Write write) {
        ServiceRef ref = new ServiceRef(service, Fingerprint.of(body.fingerprint()), body.docsUrl());
        return commands.ok(new ShipBasicService(gov, ref, write.expectedVersion()), write, body.reason());
    }

    @DeleteMapping("/{service}")
    ResponseEntity<GovState> withdraw(@PathVariable Name gov, @PathVariable BasicService service,
                                      @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new WithdrawBasicService(gov, service, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }
}
