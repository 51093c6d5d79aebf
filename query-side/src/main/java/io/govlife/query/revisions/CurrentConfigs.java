package io.govlife.query.revisions;

import io.govlife.query.QuerySideProperties;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.PublicAnswers;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Each gov's current GovConfig as served, the body written once per publication instead of per request. */
@Component
class CurrentConfigs {

    /** Enough for every gov of a large deployment (a config is a few kilobytes). */
    private static final int MAX_GOVS = 10_000;

    private final RevisionRepository revisions;
    private final PublicAnswers<String, Served> answers;

    CurrentConfigs(RevisionRepository revisions, QuerySideProperties properties) {
        this.revisions = revisions;
        this.answers = new PublicAnswers<>(properties.publicReads().recheck(), MAX_GOVS);
    }

    /** A revision's config as sent: canonical JSON, and the headers that go with it. */
    record Served(byte[] body, String etag, long revision, Instant publishedAt) {

        static Served of(Revision revision) {
            return new Served(JsonColumns.write(revision.config()).getBytes(StandardCharsets.UTF_8),
                    RevisionController.etag(revision), revision.revision(), revision.publishedAt());
        }
    }

    /** Empty while the gov has published nothing (or does not exist). */
    Optional<Served> current(String gov) {
        return answers.get(gov, name -> revisions.latest(name).map(Served::of));
    }

    /** The gov published: its current config is another once this unit of work commits. */
    void published(String gov) {
        answers.changed(gov);
    }

    void reset() {
        answers.changedAll();
    }
}
