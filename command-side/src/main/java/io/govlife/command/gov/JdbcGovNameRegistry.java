package io.govlife.command.gov;

import io.govlife.events.Name;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Claims live in {@code gov_name_claim}, whose primary key does the uniqueness check. The insert joins the command's
 * transaction (Axon runs each command in the Spring transaction), so a claim exists exactly when the gov does.
 */
@Component
record JdbcGovNameRegistry(JdbcTemplate jdbc, Clock clock) implements GovNameRegistry {

    @Override
    public void claim(Name name) {
        // A claim outside the command's transaction could outlive a failed creation and burn the name for good.
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "a gov name claim must join the transaction of the command that creates the gov");
        try {
            jdbc.update("insert into gov_name_claim (name, claimed_at) values (?, ?)",
                    name.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation(Rule.GOV_NAME_TAKEN, "name",
                    "gov name '" + name + "' is taken: names are unique and a retired name is never reused");
        }
    }

    /** Whether any gov ever claimed the name (claims are never released, so a retired gov's name is claimed). */
    boolean isClaimed(Name name) {
        Long claims = jdbc.queryForObject("select count(*) from gov_name_claim where name = ?", Long.class,
                name.value());
        return claims != null && claims > 0;
    }
}
