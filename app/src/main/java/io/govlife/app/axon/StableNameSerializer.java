package io.govlife.app.axon;

import io.govlife.events.StoredEventTypes;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, storing our events under their names from {@link StoredEventTypes} instead of their
 * Java class names, so renaming or moving an event class never breaks the log. Anything without a stored name
 * (Axon's tokens, sagas, snapshots) keeps the class name.
 */
class StableNameSerializer extends JacksonSerializer {

    protected StableNameSerializer(Builder builder) {
        super(builder);
    }

    public static StableNameSerializer create(Builder builder) {
        return new StableNameSerializer(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return StoredEventTypes.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return StoredEventTypes.typeNamed(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
