package io.govlife.query.processor;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayScopeTest {

    @Test
    void a_rebuild_is_under_way_until_the_replay_reaches_where_the_log_stood_at_the_reset() {
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, "audit");
        assertThat(ReplayScope.stillRebuilding(reset)).containsExactly("audit");
        TrackingToken halfway = ((ReplayToken) reset).advancedTo(new GlobalSequenceTrackingToken(5));
        assertThat(ReplayScope.stillRebuilding(halfway)).containsExactly("audit");

        TrackingToken there = ((ReplayToken) halfway).advancedTo(new GlobalSequenceTrackingToken(10));
        assertThat(ReplayScope.stillRebuilding(there)).as("replayed all it had to, whatever the token says").isEmpty();
        assertThat(ReplayScope.stillRebuilding(new GlobalSequenceTrackingToken(10))).isEmpty();
    }

    @Test
    void a_reset_that_names_no_read_model_rebuilds_them_all() {
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, null);
        assertThat(ReplayScope.stillRebuilding(reset)).isEqualTo(ReadModels.NAMES);
    }

    @Test
    void the_token_a_segment_s_status_shows_keeps_its_replay() {
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), null, "channel");
        TrackerStatus status = new TrackerStatus(Segment.ROOT_SEGMENT, reset);
        assertThat(ReplayScope.stillRebuilding(status.getTrackingToken())).as("Axon's own accessor").isEmpty();
        assertThat(ReplayScope.stillRebuilding(ReplayScope.tokenOf(status))).containsExactly("channel");
    }
}
