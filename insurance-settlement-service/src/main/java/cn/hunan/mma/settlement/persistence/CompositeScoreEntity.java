package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.scoring.FactorScoreComputed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An entity's latest composite score for a period, as the scores topic last stated it. */
@Entity
@Table(name = "composite_score")
@IdClass(CompositeScoreEntity.Key.class)
public class CompositeScoreEntity {

    @Id
    @Column(name = "entity_kind")
    String entityKind;

    @Id
    @Column(name = "entity_id")
    String entityId;

    @Id
    @Column(name = "period")
    String period;

    @Column(name = "composite", nullable = false)
    BigDecimal composite;

    @Column(name = "rule_version", nullable = false)
    String ruleVersion;

    @Column(name = "event_id", nullable = false)
    UUID eventId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    protected CompositeScoreEntity() {
    }

    public static CompositeScoreEntity of(FactorScoreComputed score) {
        CompositeScoreEntity row = new CompositeScoreEntity();
        row.entityKind = score.entityKind().name();
        row.entityId = score.entityId();
        row.period = score.period().toString();
        row.apply(score);
        return row;
    }

    /** Takes the newer statement only: a redelivered older score must not overwrite a recomputation. */
    public void apply(FactorScoreComputed score) {
        if (occurredAt != null && score.occurredAt().isBefore(occurredAt)) {
            return;
        }
        composite = score.composite();
        ruleVersion = score.ruleVersion();
        eventId = score.eventId().asUuid();
        occurredAt = score.occurredAt();
    }

    public String entityId() {
        return entityId;
    }

    public BigDecimal composite() {
        return composite;
    }

    public static class Key implements Serializable {
        String entityKind;
        String entityId;
        String period;

        public Key() {
        }

        public Key(String entityKind, String entityId, String period) {
            this.entityKind = entityKind;
            this.entityId = entityId;
            this.period = period;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.entityKind, entityKind)
                    && Objects.equals(key.entityId, entityId) && Objects.equals(key.period, period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entityKind, entityId, period);
        }
    }
}
