package io.govlife;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Sits in {@code io.govlife} so component scanning covers every module (command, query, saga, app) and Axon's own
 * JPA entities stay registered (no {@code @EntityScan}, which would replace them).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GovlifeApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovlifeApplication.class, args);
    }
}
