package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.domain.budget.DeclaredBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One declaration of a budget year's base spend, or one withdrawal (V28). Rows are only ever added: the latest of an
 * alliance and year says what stands, the earlier ones are its history.
 */
@Entity
@Table(name = "declared_base")
public class DeclaredBaseEntity {

    public static final String DECLARED = "DECLARED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "alliance_id", nullable = false)
    String allianceId;

    @Column(name = "budget_year", nullable = false)
    int year;

    @Column(name = "action", nullable = false)
    String action;

    @Column(name = "base_spend_fen")
    Long baseSpendFen;

    @Column(name = "source")
    String source;

    @Column(name = "covered_divisions")
    String coveredDivisions;

    @Column(name = "recorded_by", nullable = false)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected DeclaredBaseEntity() {
    }

    private DeclaredBaseEntity(String allianceId, int year, String action, Long baseSpendFen, String source,
                               List<String> coveredDivisions, String by, Instant at) {
        this.allianceId = allianceId;
        this.year = year;
        this.action = action;
        this.baseSpendFen = baseSpendFen;
        this.source = source;
        this.coveredDivisions = coveredDivisions == null ? null
                : coveredDivisions.stream().sorted().collect(Collectors.joining(","));
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public static DeclaredBaseEntity declared(String allianceId, int year, Money baseSpend, String source,
                                              List<String> coveredDivisions, String by, Instant at) {
        return new DeclaredBaseEntity(allianceId, year, DECLARED, baseSpend.fen(), source, coveredDivisions, by, at);
    }

    public static DeclaredBaseEntity withdrawn(String allianceId, int year, String by, Instant at) {
        return new DeclaredBaseEntity(allianceId, year, WITHDRAWN, null, null, null, by, at);
    }

    /** The declaration this row makes; empty for a withdrawal. */
    public Optional<DeclaredBase> declaration() {
        return DECLARED.equals(action)
                ? Optional.of(new DeclaredBase(id, Money.ofFen(baseSpendFen), source,
                        coveredDivisions.isEmpty() ? List.of() : List.of(coveredDivisions.split(",")), recordedBy, recordedAt))
                : Optional.empty();
    }

    public long id() {
        return id;
    }

    public String action() {
        return action;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
