package io.govlife.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering the module names promise (README "Layout"), enforced: the message API depends on no module and on no
 * web or storage framework; command-side, query-side and sagas never use each other or the assembly; no module
 * runs SQL on another module's tables; and a type is public only when another package needs it.
 */
class ArchitectureTest {

    /**
     * Spring's ahead-of-time processing compiles code of its own into the app's classes at build time (bean
     * definitions named {@code __BeanDefinitions} and the like, CGLIB proxies): Spring's layout, not ours.
     */
    private static final ImportOption NOT_GENERATED_AHEAD_OF_TIME = location ->
            !location.contains("__") && !location.contains("$$SpringCGLIB$$");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NOT_GENERATED_AHEAD_OF_TIME)
            .importPackages("io.govlife");
    /** Main and test classes: a type the tests of another package need is public for a reason. */
    private static final JavaClasses WITH_TESTS = new ClassFileImporter()
            .withImportOption(NOT_GENERATED_AHEAD_OF_TIME)
            .importPackages("io.govlife");

    /** Where the modules are, seen from app/ (the working directory of its tests). */
    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("events", "command-side", "query-side", "sagas", "app");

    @Test
    void the_message_api_depends_on_no_module_and_on_no_web_or_storage_framework() {
        noClasses().that().resideInAPackage("io.govlife.events..")
                .should().dependOnClassesThat().resideInAnyPackage("io.govlife.command..", "io.govlife.query..",
                        "io.govlife.saga..", "io.govlife.app..", "org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void command_side_query_side_and_sagas_never_use_each_other_or_the_assembly() {
        slices().matching("io.govlife.(command|query|saga)..").should().notDependOnEachOther().check(MAIN);
        noClasses().that().resideInAnyPackage("io.govlife.command..", "io.govlife.query..", "io.govlife.saga..")
                .should().dependOnClassesThat().resideInAPackage("io.govlife.app..")
                .check(MAIN);
    }

    @Test
    void framework_patches_live_in_the_one_package_that_lists_them() {
        classes().that().areAssignableTo(org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.class)
                .or().areAssignableTo(org.axonframework.eventsourcing.CachingEventSourcingRepository.class)
                .or().areAssignableTo(org.axonframework.serialization.json.JacksonSerializer.class)
                .and().resideInAPackage("io.govlife..")
                .should().resideInAPackage("io.govlife.app.axon")
                .check(MAIN);
    }

    /**
     * A public type that nothing outside its package uses is a promise nobody asked for. Exempt: the message API
     * (it exists to be used by the other modules) and types named in configuration rather than in code.
     */
    @Test
    void types_are_public_only_when_another_package_uses_them() {
        Set<String> namedInConfiguration = Set.of("io.govlife.GovlifeApplication");
        classes().that().resideOutsideOfPackage("io.govlife.events..")
                .and().arePublic().and().areTopLevelClasses()
                .and(DescribedPredicate.describe("main code", (JavaClass type) -> MAIN.contain(type.getName())))
                .and().doNotHaveFullyQualifiedName("io.govlife.GovlifeApplication")
                .should(new ArchCondition<>("be used from another package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        // Axon builds a saga reflectively and stores it under its class name
                        if (namedInConfiguration.contains(type.getName()) || constantsOnly(type)
                                || type.isAnnotatedWith(org.axonframework.spring.stereotype.Saga.class)) {
                            return;
                        }
                        boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                                .anyMatch(use -> !use.getOriginClass().getPackageName().equals(type.getPackageName()));
                        if (!usedElsewhere) {
                            events.add(SimpleConditionEvent.violated(type, type.getName()
                                    + " is public but used only in its own package"));
                        }
                    }
                })
                .check(WITH_TESTS);
        assertThat(MAIN.stream().filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC)).count())
                .as("the importer saw the modules").isGreaterThan(40);
    }

    /** The compiler copies a constant into its users, so a class of constants is used without a trace in bytecode. */
    private static boolean constantsOnly(JavaClass type) {
        return type.getMethods().isEmpty() && type.getFields().stream()
                .allMatch(field -> field.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL)));
    }

    /**
     * Each module's tables are those its own migrations create; no other module's main code names one of them in
     * SQL. What a module needs of another's data it asks through the message API (a query) instead.
     */
    @Test
    void no_module_runs_sql_on_another_module_s_tables() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        for (String module : MODULES) {
            for (String table : tablesCreatedBy(module)) {
                owner.put(table, module);
            }
        }
        assertThat(owner).as("tables found in the migrations").containsKeys("gov_name_claim", "composition",
                "notice", "operator_token", "domain_event_entry");
        List<String> trespasses = new ArrayList<>();
        for (String module : MODULES) {
            for (Path source : javaSources(module)) {
                // SQL split over concatenated literals ("... from " + "table ...") reads as one
                String code = Files.readString(source).replaceAll("\"\\s*\\+\\s*\"", "");
                owner.forEach((table, tableOwner) -> {
                    if (!tableOwner.equals(module) && !AXON_TABLES.contains(table)
                            && sqlNaming(table).matcher(code).find()) {
                        trespasses.add(ROOT.relativize(source) + " uses " + tableOwner + "'s table " + table);
                    }
                });
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /**
     * Axon's own stores (created by app's first migration) are read through Axon everywhere, except where a read
     * model keeps its position in step with its processor's token.
     */
    private static final Set<String> AXON_TABLES = Set.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry");

    private static Pattern sqlNaming(String table) {
        return Pattern.compile("(?i)\\b(from|join|into|update|table|exists)\\s+" + Pattern.quote(table) + "\\b");
    }

    private static Set<String> tablesCreatedBy(String module) throws IOException {
        Set<String> tables = new TreeSet<>();
        Path migrations = ROOT.resolve(module).resolve("src/main/resources/db/migration");
        if (!Files.isDirectory(migrations)) {
            return tables;
        }
        Pattern create = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    private static List<Path> javaSources(String module) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
