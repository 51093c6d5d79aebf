package io.govlife.app.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console has a form for every operator command of the HTTP contract, each aimed at the contract's own method
 * and path: a form pointing at a path the API does not have would only fail when an operator submits it.
 */
class ConsoleFormsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");
    private static final Path CONTRACT = Path.of("..", "docs", "API.md");
    /** What integrators do, not gov operators: acknowledging a notice. Admin commands (/api/admin) are checked apart. */
    private static final Set<String> NOT_OPERATOR_COMMANDS = Set.of("POST /api/govs/{}/notices/{}/acks");

    @Test
    void every_operator_command_of_the_contract_has_a_console_form_and_no_form_aims_elsewhere() throws IOException {
        Set<String> contract = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(POST|PUT|DELETE) (/api/[^`]+)`").matcher(Files.readString(CONTRACT));
        while (row.find()) {
            contract.add(row.group(1) + " " + normalised(row.group(2)));
        }
        contract.removeAll(NOT_OPERATOR_COMMANDS);
        Set<String> adminCommands = new TreeSet<>(contract.stream().filter(c -> c.contains(" /api/admin/")).toList());
        contract.removeAll(adminCommands);

        Set<String> forms = new TreeSet<>();
        Pattern form = Pattern.compile("<form [^>]*data-method=\"(\\w+)\" data-path=\"([^\"]+)\"");
        try (var templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                Matcher found = form.matcher(Files.readString(template));
                while (found.find()) {
                    forms.add(found.group(1) + " " + normalised(found.group(2)));
                }
            }
        }

        assertThat(contract).as("operator commands in the contract").hasSizeGreaterThan(15);
        Set<String> adminForms = new TreeSet<>(forms.stream().filter(f -> f.contains(" /api/admin/")).toList());
        forms.removeAll(adminForms);
        assertThat(forms).isEqualTo(contract);
        // the admin page's forms aim at the contract's admin commands too
        assertThat(adminForms).contains("POST /api/admin/tokens").isSubsetOf(adminCommands);
    }

    /** {gov}, {citizen}, {ATLAS|ALMANAC|...}: every path parameter reads the same. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
