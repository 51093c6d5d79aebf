package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-command log line says what the HTTP answer said: accepted, or refused with the code that ends the
 * problem's type (a gov rule, an unknown gov, a stale If-Match), never a refusal passed off as a failure, and never a
 * "reason" field that is in fact the refusal's.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLogIT extends LiveApplication {

    @Test
    void each_command_logs_its_outcome_as_the_http_answer_gave_it(CapturedOutput output) {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/publications", "{\"reason\":\"first release\"}").status()).isEqualTo(201);
        assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(409);
        assertThat(api.post(g + "/publications", "{}", "If-Match", "\"0\"").status()).isEqualTo(412);
        String unknown = uniqueGov();
        assertThat(api.post("/api/govs/" + unknown + "/publications", "{}").status()).isEqualTo(404);

        String log = output.getAll();
        assertThat(log).contains("command=PublishGovConfig gov=" + gov + " operator=alice outcome=accepted rule=none")
                .contains("command=PublishGovConfig gov=" + gov + " operator=alice outcome=refused rule=draft-unchanged")
                .contains("command=PublishGovConfig gov=" + gov + " operator=alice outcome=refused rule=stale-version")
                .contains("command=PublishGovConfig gov=" + unknown + " operator=alice outcome=refused "
                        + "rule=gov-not-found")
                .doesNotContain("reason=none")
                .doesNotContain("outcome=failed");
    }
}
