package io.govlife.saga.notices;

import java.time.Instant;

/** What the bump saga asks of notices: announce, remind, and track the bump while it is pending. */
public interface BumpNotices {

    /** One notice per enabled integrator of the gov; {@code source} makes a repeat a no-op. */
    void notifyIntegrators(String source, NoticeContent content, String bump);

    /**
     * One notice per enabled integrator that was sent a notice of the bump: what follows only concerns those who
     * were told of it (a cutover blocked, a bump cancelled by retirement).
     */
    void notifyToldOf(String source, NoticeContent content, String bump);

    /** A reminder to each enabled integrator that acknowledged none of the bump's notices. */
    void remindUnacknowledged(String source, NoticeContent content, String bump);

    void bumpPending(String gov, String citizen, String bump, Instant cutoverAt);

    void bumpEnded(String gov, String citizen);
}
