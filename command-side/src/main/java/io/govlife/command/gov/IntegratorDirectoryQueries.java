package io.govlife.command.gov;

import io.govlife.events.integrator.FindEnabledIntegratorEndpoints;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.govlife.events.integrator.IntegratorEndpoints;
import io.govlife.events.integrator.SealedSigningSecrets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What other modules may ask of the integrator directory (notices: where to send, what to sign with), so that none
 * of them reads its tables. Answered from the tables as they stand in the asker's transaction: on the local query
 * bus the handler runs in the asking thread and joins its transaction; through Axon Server it answers in its own.
 */
@Component
record IntegratorDirectoryQueries(JdbcIntegratorDirectory directory) {

    @QueryHandler
    IntegratorEndpoints handle(FindEnabledIntegratorEndpoints query) {
        return new IntegratorEndpoints(directory.enabledEndpoints(query.gov()));
    }

    @QueryHandler
    SealedSigningSecrets handle(FindSealedSigningSecrets query) {
        return new SealedSigningSecrets(directory.sealedSecrets(query.gov(), query.integrator(), query.at()));
    }
}
