package io.govlife.query.composition;

import io.govlife.query.support.PerBatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The composition documents one batch of events touches, each read once and written once when the batch commits
 * (in its transaction, with the processor's token), instead of a select, a JSON round trip and an update per event:
 * a replay hands a processor a hundred events at a time, most of them for a few govs.
 */
final class CompositionBatch {

    private static final String RESOURCE = CompositionBatch.class.getName();

    private final CompositionRepository repository;
    private final Map<String, Pending> documents = new LinkedHashMap<>();

    private CompositionBatch(CompositionRepository repository) {
        this.repository = repository;
    }

    /** The batch of the unit of work handling the current event; flushed in its prepare-commit phase. */
    static CompositionBatch current(CompositionRepository repository) {
        return PerBatch.resource(RESOURCE, () -> new CompositionBatch(repository), CompositionBatch::flush);
    }

    void created(String gov, String archetype, String description, long version, GovComposition document,
                 Instant at) {
        documents.put(gov, new Pending(true, archetype, description, version, document, at, at));
    }

    void change(String gov, long version, Instant at, UnaryOperator<GovComposition> change) {
        Pending pending = documents.computeIfAbsent(gov, key -> Pending.stored(repository.document(key)
                .orElseThrow(() -> new IllegalStateException("composition of unknown gov " + key))));
        documents.put(gov, pending.changed(version, change.apply(pending.document()), at));
    }

    private void flush() {
        documents.forEach((gov, pending) -> {
            if (pending.created()) {
                repository.insert(gov, pending.archetype(), pending.description(), pending.version(),
                        pending.document(), pending.createdAt(), pending.updatedAt());
            } else {
                repository.update(gov, pending.version(), pending.document(), pending.updatedAt());
            }
        });
        documents.clear();
    }

    /** A document of this batch: {@code created} ones are inserted with their row's columns, the others updated. */
    private record Pending(boolean created, String archetype, String description, long version,
                           GovComposition document, Instant createdAt, Instant updatedAt) {

        static Pending stored(GovComposition document) {
            return new Pending(false, null, null, -1, document, null, null);
        }

        Pending changed(long version, GovComposition document, Instant at) {
            return new Pending(created, archetype, description, version, document, createdAt, at);
        }
    }
}
