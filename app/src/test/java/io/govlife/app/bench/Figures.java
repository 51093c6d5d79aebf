package io.govlife.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure measured, by storage, each with the value of every run: reported as the median with the lowest and
 * highest run beside it, so the spread is visible.
 */
final class Figures {

    record Figure(String section, String name, String unit, List<Double> runs) {

        double median() {
            List<Double> sorted = runs.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    void add(String storage, String section, String name, String unit, double value) {
        figures.computeIfAbsent(storage + "|" + section + "|" + name,
                key -> new Figure(section, name, unit, new ArrayList<>())).runs().add(value);
    }

    Figure get(String storage, String section, String name) {
        return figures.get(storage + "|" + section + "|" + name);
    }

    List<Figure> of(String storage, String section) {
        return figures.entrySet().stream().filter(e -> e.getKey().startsWith(storage + "|" + section + "|"))
                .map(Map.Entry::getValue).toList();
    }

    int size() {
        return figures.size();
    }
}
