package vn.ntm.support.axon;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.support.messaging.store.PublishingStore;

/**
 * The service's Axon event store as the topic check sees it, over its tables: {@code store_identity} (the store's
 * id, made by the service's migration V7), {@code domain_event_entry}, the {@code kafka-publisher}'s rows of
 * {@code token_entry} (read, never claimed) and {@code topic_disagreement}.
 */
class JdbcPublishingStore implements PublishingStore {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private volatile UUID id;

    /** @param tokenSerializer the serializer Axon's token store writes tokens with (its general serializer) */
    JdbcPublishingStore(JdbcTemplate jdbc, Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    @Override
    public UUID id() {
        if (id == null) {
            id = jdbc.queryForObject("select id from store_identity", UUID.class);
        }
        return id;
    }

    @Override
    public boolean holds(UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domain_event_entry where event_identifier = ?)", Boolean.class,
                eventId.toString()));
    }

    /** The publisher's furthest segment is at or past the oldest stored event. */
    @Override
    public boolean hasPublished() {
        Long oldest = jdbc.queryForObject("select min(global_index) from domain_event_entry", Long.class);
        if (oldest == null) {
            return false;
        }
        List<OptionalLong> positions = jdbc.query(
                "select token, token_type from token_entry where processor_name = ? and token is not null",
                (row, i) -> position(row.getBytes(1), row.getString(2)),
                AxonSupportAutoConfiguration.KAFKA_PUBLISHER);
        return positions.stream().anyMatch(p -> p.isPresent() && p.getAsLong() >= oldest);
    }

    private OptionalLong position(byte[] token, String type) {
        TrackingToken tracking = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }

    @Override
    public Optional<Disagreement> recorded(String topic) {
        return jdbc.query("select topic, topic_id, reason, found_at from topic_disagreement where topic = ?",
                (row, i) -> new Disagreement(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()), topic).stream().findFirst();
    }

    @Override
    public void record(Disagreement disagreement) {
        jdbc.update("""
                insert into topic_disagreement (topic, topic_id, reason, found_at) values (?, ?, ?, ?)
                on conflict (topic) do update set topic_id = excluded.topic_id, reason = excluded.reason,
                    found_at = excluded.found_at""", disagreement.topic(), disagreement.topicId(),
                disagreement.reason(), Timestamp.from(disagreement.foundAt()));
    }

    @Override
    public void forget(String topic) {
        jdbc.update("delete from topic_disagreement where topic = ?", topic);
    }
}
