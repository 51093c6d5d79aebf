package io.govlife.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a projection collects over the batch of events its processor hands it, done once when the batch commits (in
 * its prepare-commit phase: in the batch's transaction, with the processor's token), instead of once per event.
 */
public final class PerBatch {

    private PerBatch() {
    }

    /** This batch's {@code key} resource, created on the batch's first event and given to {@code flush} at commit. */
    public static <T> T resource(String key, Supplier<T> create, Consumer<T> flush) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, k -> {
            T created = create.get();
            // a batching unit of work may run this phase once per event it was registered under: flush once
            batch.onPrepareCommit(unitOfWork -> {
                if (batch.resources().remove(key, created)) {
                    flush.accept(created);
                }
            });
            return created;
        });
    }
}
