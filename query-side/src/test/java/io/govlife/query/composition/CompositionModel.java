package io.govlife.query.composition;

/** The composition read model for tests of other read models, whose controllers answer only for govs it knows. */
public final class CompositionModel {

    private CompositionModel() {
    }

    /** The projection that keeps {@code repository}'s table, to be fed beside the read model under test. */
    public static Object projection(CompositionRepository repository) {
        return new CompositionProjection(repository);
    }
}
