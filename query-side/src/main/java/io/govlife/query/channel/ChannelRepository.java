package io.govlife.query.channel;

import io.govlife.events.gov.GovConfig;
import io.govlife.query.support.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** All SQL of the change channel: its entries, and per gov the last published GovConfig its next entry is diffed to. */
@Repository
class ChannelRepository {

    private final JdbcTemplate jdbc;

    ChannelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void add(ChannelEntry entry) {
        jdbc.update("insert into channel_entry (gov, sequence_number, kind, title, body, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)", entry.gov(), entry.sequence(), entry.kind(), entry.title(),
                entry.body(), Timestamp.from(entry.occurredAt()));
    }

    /** The GovConfig the gov published last; empty before its first publication. */
    Optional<GovConfig> published(String gov) {
        return jdbc.query("select config from channel_published where gov = ?",
                (rs, i) -> JsonColumns.read(rs.getString(1), GovConfig.class), gov).stream().findFirst();
    }

    void savePublished(String gov, GovConfig config) {
        String json = JsonColumns.write(config);
        if (jdbc.update("update channel_published set config = ? where gov = ?", json, gov) == 0) {
            jdbc.update("insert into channel_published (gov, config) values (?, ?)", gov, json);
        }
    }

    void deleteAll() {
        jdbc.update("delete from channel_entry");
        jdbc.update("delete from channel_published");
    }

    // ---- read by the controller

    /** The gov's entries, newest first. */
    List<ChannelEntry> entries(String gov) {
        return jdbc.query("select * from channel_entry where gov = ? order by sequence_number desc",
                (rs, i) -> new ChannelEntry(rs.getString("gov"), rs.getLong("sequence_number"), rs.getString("kind"),
                        rs.getString("title"), rs.getString("body"),
                        rs.getTimestamp("occurred_at").toInstant()), gov);
    }
}
