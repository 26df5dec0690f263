package cn.hunan.mma.settlement.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One revision of an alliance's close for a period: its frozen snapshot and result. */
@Entity
@Table(name = "period_close")
@IdClass(PeriodCloseEntity.Key.class)
public class PeriodCloseEntity {

    public static final String CLOSED = "CLOSED";
    public static final String REOPENED = "REOPENED";

    @Id
    @Column(name = "alliance_id")
    String allianceId;

    @Id
    @Column(name = "period")
    String period;

    @Id
    @Column(name = "revision")
    int revision;

    @Column(name = "division_code", nullable = false)
    String divisionCode;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "snapshot_id", nullable = false)
    String snapshotId;

    @Column(name = "snapshot_json", nullable = false)
    String snapshotJson;

    @Column(name = "result_json", nullable = false)
    String resultJson;

    @Column(name = "closed_by", nullable = false)
    String closedBy;

    @Column(name = "closed_at", nullable = false)
    Instant closedAt;

    @Column(name = "derived_inputs_json")
    String derivedInputsJson;

    protected PeriodCloseEntity() {
    }

    public PeriodCloseEntity(String allianceId, String period, int revision, String divisionCode, String snapshotId,
                             String snapshotJson, String resultJson, String closedBy, Instant closedAt, String derivedInputsJson) {
        this.allianceId = allianceId;
        this.period = period;
        this.revision = revision;
        this.divisionCode = divisionCode;
        this.status = CLOSED;
        this.snapshotId = snapshotId;
        this.snapshotJson = snapshotJson;
        this.resultJson = resultJson;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.derivedInputsJson = derivedInputsJson;
    }

    public void reopen() {
        status = REOPENED;
    }

    public boolean standing() {
        return CLOSED.equals(status);
    }

    public String allianceId() {
        return allianceId;
    }

    public String period() {
        return period;
    }

    public int revision() {
        return revision;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public String status() {
        return status;
    }

    public String snapshotId() {
        return snapshotId;
    }

    public String snapshotJson() {
        return snapshotJson;
    }

    public String resultJson() {
        return resultJson;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** How the close worked out the inputs its request left out, as JSON; null when the request gave them all. */
    public String derivedInputsJson() {
        return derivedInputsJson;
    }

    /** Composite key (alliance, period, revision). */
    public static class Key implements Serializable {
        String allianceId;
        String period;
        int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && revision == key.revision && Objects.equals(allianceId, key.allianceId)
                    && Objects.equals(period, key.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(allianceId, period, revision);
        }
    }
}
