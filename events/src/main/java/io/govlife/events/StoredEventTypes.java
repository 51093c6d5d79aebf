package io.govlife.events;

import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.integrator.IntegratorRegistered;
import io.govlife.events.integrator.IntegratorSecretRotated;
import io.govlife.events.integrator.IntegratorUnregistered;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The name each event type is stored under in the event log. The log outlives the code: a class may be renamed
 * or moved, its stored name never changes (the revision, from Axon's {@code @Revision}, is stored beside it).
 * A test fails when an event type is missing here.
 */
public final class StoredEventTypes {

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("govlife.GovCreated", GovCreated.class);
        register("govlife.GovConfigPublished", GovConfigPublished.class);
        register("govlife.GovRetired", GovRetired.class);
        register("govlife.CitizenReferenced", CitizenReferenced.class);
        register("govlife.CitizenDropped", CitizenDropped.class);
        register("govlife.CitizenReplaced", CitizenReplaced.class);
        register("govlife.ConfluenceCommissioned", ConfluenceCommissioned.class);
        register("govlife.ConfluenceUpgraded", ConfluenceUpgraded.class);
        register("govlife.ConfluenceUpgradeHeld", ConfluenceUpgradeHeld.class);
        register("govlife.ConfluenceConfirmed", ConfluenceConfirmed.class);
        register("govlife.BasicServiceShipped", BasicServiceShipped.class);
        register("govlife.BasicServiceWithdrawn", BasicServiceWithdrawn.class);
        register("govlife.FingerprintBumpScheduled", FingerprintBumpScheduled.class);
        register("govlife.FingerprintBumpCancelled", FingerprintBumpCancelled.class);
        register("govlife.CutoverFingerprintRevised", CutoverFingerprintRevised.class);
        register("govlife.FingerprintCutOver", FingerprintCutOver.class);
        register("govlife.FingerprintCutoverBlocked", FingerprintCutoverBlocked.class);
        register("govlife.IntegratorRegistered", IntegratorRegistered.class);
        register("govlife.IntegratorSecretRotated", IntegratorSecretRotated.class);
        register("govlife.IntegratorUnregistered", IntegratorUnregistered.class);
        register("govlife.IntegratorEndpointDisabled", IntegratorEndpointDisabled.class);
        register("govlife.CoOperatorAdded", CoOperatorAdded.class);
        register("govlife.CoOperatorRemoved", CoOperatorRemoved.class);
        register("govlife.CitizenOperatorAdded", CitizenOperatorAdded.class);
        register("govlife.CitizenOperatorRemoved", CitizenOperatorRemoved.class);
    }

    private StoredEventTypes() {
    }

    private static void register(String name, Class<?> type) {
        if (BY_NAME.putIfAbsent(name, type) != null || BY_CLASS.putIfAbsent(type, name) != null) {
            throw new IllegalStateException("stored event name or type registered twice: " + name);
        }
    }

    public static Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    public static Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, Class<?>> all() {
        return Map.copyOf(BY_NAME);
    }
}
