package io.govlife;

import io.govlife.app.audit.VerifyAuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sits in {@code io.govlife} so component scanning covers every module (command, query, saga, app).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GovlifeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(VerifyAuditCommand.NAME)) {
            System.exit(VerifyAuditCommand.run(args, System.out));
        }
        SpringApplication.run(GovlifeApplication.class, args);
    }
}
