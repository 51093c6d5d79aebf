package io.govlife.command.gov;

import io.govlife.events.gov.IsGovNameClaimed;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** What other modules may ask of the gov name claims (does a gov of this name exist), instead of reading them. */
@Component
record GovNameQueries(JdbcGovNameRegistry names) {

    @QueryHandler
    Boolean handle(IsGovNameClaimed query) {
        return names.isClaimed(query.name());
    }
}
