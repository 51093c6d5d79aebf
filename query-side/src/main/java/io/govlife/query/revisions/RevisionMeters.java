package io.govlife.query.revisions;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** How many GovConfig revisions have been published, read from the revisions read model when scraped. */
@Component
record RevisionMeters(RevisionRepository revisions) implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("govlife.publications", revisions, RevisionRepository::publications)
                .description("GovConfig revisions published").register(registry);
    }
}
