package io.govlife.command.integrator;

import io.govlife.command.web.GovCommands;
import io.govlife.command.web.ReasonRequest;
import io.govlife.command.web.Write;
import io.govlife.events.Name;
import io.govlife.events.gov.GovState;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.integrator.RotateIntegratorSecret;
import io.govlife.events.integrator.UnregisterIntegrator;
import jakarta.validation.Valid;
import io.govlife.command.CommandSideProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.SecureRandom;
import java.util.Base64;

/** Integrators of a gov: registered with a webhook, given a signing secret once, rotated, unregistered. */
@RestController
@RequestMapping("/api/govs/{gov}/integrators")
record IntegratorController(GovCommands commands, WebhookTargets targets, CommandSideProperties settings) {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PostMapping
    ResponseEntity<IntegratorRegistration> register(@PathVariable Name gov,
                                                    @Valid @RequestBody IntegratorRequest body, Write write) {
        targets.require(body.webhookUrl());
        Name name = Name.of(body.name());
        String secret = newSecret();
        GovState state = commands.send(new RegisterIntegrator(gov, name, body.webhookUrl(), secret,
                write.expectedVersion()), write, body.reason());
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/govs/{gov}/integrators/{integrator}")
                        .build(gov.value(), name.value()))
                .eTag(GovCommands.etag(state))
                .cacheControl(CacheControl.noStore()) // carries the signing secret
                .body(new IntegratorRegistration(name.value(), body.webhookUrl(), secret, state));
    }

    @PostMapping("/{integrator}/secret-rotation")
    ResponseEntity<IntegratorRegistration> rotate(@PathVariable Name gov, @PathVariable Name integrator,
                                                  @Valid @RequestBody(required = false) ReasonRequest body,
                                                  Write write) {
        String secret = newSecret();
        GovState state = commands.send(new RotateIntegratorSecret(gov, integrator, secret,
                settings.webhooks().secretOverlap(), write.expectedVersion()), write, ReasonRequest.reasonOf(body));
        return ResponseEntity.ok().eTag(GovCommands.etag(state)).cacheControl(CacheControl.noStore())
                .body(new IntegratorRegistration(integrator.value(), null, secret, state));
    }

    @DeleteMapping("/{integrator}")
    ResponseEntity<GovState> unregister(@PathVariable Name gov, @PathVariable Name integrator,
                                        @Valid @RequestBody(required = false) ReasonRequest body, Write write) {
        return commands.ok(new UnregisterIntegrator(gov, integrator, write.expectedVersion()), write,
                ReasonRequest.reasonOf(body));
    }

    /** Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
