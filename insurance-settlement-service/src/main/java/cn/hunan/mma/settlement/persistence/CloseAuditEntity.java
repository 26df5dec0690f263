package cn.hunan.mma.settlement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An audited close or reopen. */
@Entity
@Table(name = "close_audit")
public class CloseAuditEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "alliance_id", nullable = false)
    String allianceId;

    @Column(name = "period", nullable = false)
    String period;

    @Column(name = "revision", nullable = false)
    int revision;

    @Column(name = "action", nullable = false)
    String action;

    @Column(name = "actor", nullable = false)
    String actor;

    @Column(name = "reason")
    String reason;

    @Column(name = "at", nullable = false)
    Instant at;

    protected CloseAuditEntity() {
    }

    public CloseAuditEntity(String allianceId, String period, int revision, String action, String actor, String reason,
                            Instant at) {
        this.id = UUID.randomUUID();
        this.allianceId = allianceId;
        this.period = period;
        this.revision = revision;
        this.action = action;
        this.actor = actor;
        this.reason = reason;
        this.at = at;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public int revision() {
        return revision;
    }

    public Instant at() {
        return at;
    }
}
