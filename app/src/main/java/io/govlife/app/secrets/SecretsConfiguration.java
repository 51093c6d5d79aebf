package io.govlife.app.secrets;

import io.govlife.command.gov.StoredSigningSecrets;
import io.govlife.app.config.GovlifeProperties;
import io.govlife.command.integrator.WebhookTargets;
import io.govlife.saga.notices.WebhookTargetPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the modules' needs of each other's rules meet: the secrets key (command side seals, notices open) and the
 * webhook target rule (notices own it, registration asks it).
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretsKeyring secretsKeyring(GovlifeProperties properties) {
        return SecretsKeyring.load(properties.secrets().key(), properties.secrets().previousKeys(),
                properties.dataDir());
    }

    @Bean
    SealedSecrets sealedSecrets(SecretsKeyring keyring) {
        return new SealedSecrets(keyring);
    }

    @Bean
    IntegratorSecretsAtRest integratorSecretsAtRest(StoredSigningSecrets stored, SealedSecrets secrets) {
        return new IntegratorSecretsAtRest(stored, secrets);
    }

    @Bean
    WebhookTargets webhookTargets(WebhookTargetPolicy policy) {
        return policy::refusal;
    }
}
