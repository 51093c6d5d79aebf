package io.govlife.app.axon;

import io.govlife.events.Name;
import io.govlife.events.gov.IsGovNameClaimed;
import io.govlife.events.integrator.FindEnabledIntegratorEndpoints;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.govlife.events.integrator.IntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpoints;
import io.govlife.events.integrator.SealedSigningSecrets;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code axonserver} profile, the queries modules ask each other and their answers travel through Axon
 * Server, serialized by the message serializer: each comes back as it went, element types of lists included
 * (which is why an answer is a record around its list, never a bare list).
 */
class QueryMessagesSerializationTest {

    private final Serializer serializer = new MessagingConfiguration().serializer();

    private Object roundTrip(Object message) {
        return serializer.deserialize(serializer.serialize(message, byte[].class));
    }

    @Test
    void queries_and_answers_between_modules_survive_the_message_serializer() {
        Name gov = Name.of("gov.one");
        Name acme = Name.of("acme-wallet");
        List<Object> messages = List.of(
                new FindEnabledIntegratorEndpoints(gov),
                new IntegratorEndpoints(List.of(new IntegratorEndpoint(acme, "https://acme.example/h"),
                        new IntegratorEndpoint(Name.of("zed-wallet"), "https://zed.example/h"))),
                new FindSealedSigningSecrets(gov, acme, Instant.parse("2026-11-25T12:00:00.123456Z")),
                new SealedSigningSecrets(List.of("enc:v1:k2:new", "enc:v1:k1:old")),
                new IsGovNameClaimed(gov),
                Boolean.TRUE);

        for (Object message : messages) {
            assertThat(roundTrip(message)).isEqualTo(message);
        }
    }
}
