package io.govlife.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the suite's main classes in a JVM of its own, on the test class path, and collects the figures it
 * prints as {@code BENCH name value} lines. A child that fails fails the run, with the end of its output.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static Map<String, Double> run(List<String> jvmOptions, Class<?> main, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> figures = new HashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("BENCH")) {
                    figures.put(parts[1], Double.parseDouble(parts[2]));
                }
            }
        }
        if (child.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed:\n" + String.join("\n",
                    output.subList(Math.max(0, output.size() - 40), output.size())));
        }
        return figures;
    }
}
