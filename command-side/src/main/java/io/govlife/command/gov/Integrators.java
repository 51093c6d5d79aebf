package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.Name;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.integrator.DisableIntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.integrator.IntegratorRegistered;
import io.govlife.events.integrator.IntegratorSecretRotated;
import io.govlife.events.integrator.IntegratorUnregistered;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.integrator.RotateIntegratorSecret;
import io.govlife.events.integrator.UnregisterIntegrator;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The gov's integrators, each enabled or disabled. Their secrets live in the {@link IntegratorDirectory}, which is
 * written before the event is applied so a refused write leaves no event behind.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Integrators {

    /** Per integrator: whether delivery disabled its endpoint. */
    private TreeMap<String, Boolean> disabled = new TreeMap<>();

    void register(RegisterIntegrator command, IntegratorDirectory directory, Name gov) {
        if (disabled.containsKey(command.integrator().value())) {
            throw new RuleViolation(Rule.INTEGRATOR_NAME_TAKEN, "name",
                    "gov '" + gov + "' already has an integrator '" + command.integrator() + "'");
        }
        directory.register(gov, command.integrator(), command.webhookUrl(), command.secret());
        apply(new IntegratorRegistered(gov, command.integrator(), command.webhookUrl()));
    }

    void rotate(RotateIntegratorSecret command, IntegratorDirectory directory, Clock clock, Name gov) {
        requireIntegrator(command.integrator(), gov);
        Instant previousValidUntil = clock.instant().plus(command.overlap());
        directory.rotate(gov, command.integrator(), command.secret(), previousValidUntil);
        apply(new IntegratorSecretRotated(gov, command.integrator(), previousValidUntil));
    }

    void unregister(UnregisterIntegrator command, IntegratorDirectory directory, Name gov) {
        requireIntegrator(command.integrator(), gov);
        directory.unregister(gov, command.integrator());
        apply(new IntegratorUnregistered(gov, command.integrator()));
    }

    /** Comes from delivery, not from an operator: a no-op when there is nothing left to disable. */
    void disable(DisableIntegratorEndpoint command, IntegratorDirectory directory, Name gov) {
        if (Boolean.FALSE.equals(disabled.get(command.integrator().value()))) {
            directory.disable(gov, command.integrator());
            apply(new IntegratorEndpointDisabled(gov, command.integrator(), command.httpStatus()));
        }
    }

    private void requireIntegrator(Name integrator, Name gov) {
        if (!disabled.containsKey(integrator.value())) {
            throw new RuleViolation(Rule.INTEGRATOR_NOT_FOUND, "integrator",
                    "gov '" + gov + "' has no integrator '" + integrator + "'");
        }
    }

    @EventSourcingHandler
    void on(IntegratorRegistered event) {
        disabled.put(event.integrator().value(), false);
    }

    @EventSourcingHandler
    void on(IntegratorUnregistered event) {
        disabled.remove(event.integrator().value());
    }

    @EventSourcingHandler
    void on(IntegratorEndpointDisabled event) {
        disabled.put(event.integrator().value(), true);
    }
}
