package cn.hunan.mma.settlement.persistence;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.settlement.domain.budget.BudgetParameters;
import cn.hunan.mma.settlement.domain.budget.BudgetStatus;
import cn.hunan.mma.settlement.domain.budget.DeclaredBase;
import cn.hunan.mma.settlement.domain.budget.PackageBudget;
import cn.hunan.mma.settlement.domain.budget.ProvisionalDip;
import cn.hunan.mma.settlement.domain.budget.VisitSpend;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;

/**
 * An alliance's package total for a year with every input of its arithmetic. {@code version} is
 * the optimistic lock: an approval quotes it, and a concurrent change makes the later write fail.
 */
@Entity
@Table(name = "alliance_budget")
@IdClass(AllianceBudgetEntity.Key.class)
public class AllianceBudgetEntity {

    @Id
    @Column(name = "alliance_id")
    String allianceId;

    @Id
    @Column(name = "budget_year")
    int year;

    @Version
    @Column(name = "version", nullable = false)
    int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    BudgetStatus status;

    @Column(name = "base_year", nullable = false)
    int baseYear;

    @Column(name = "base_spend_fen", nullable = false)
    long baseSpendFen;

    @Column(name = "settled_cases", nullable = false)
    long settledCases;

    /** The outpatient part of the base spend (NULL: drafted before outpatient visits were counted). */
    @Column(name = "base_outpatient_fen")
    Long baseOutpatientFen;

    @Column(name = "base_visits")
    Long baseVisits;

    @Column(name = "growth_rate", nullable = false)
    BigDecimal growthRate;

    @Column(name = "risk_reserve_rate", nullable = false)
    BigDecimal riskReserveRate;

    @Column(name = "grown_spend_fen", nullable = false)
    long grownSpendFen;

    @Column(name = "risk_reserve_fen", nullable = false)
    long riskReserveFen;

    @Column(name = "carve_outs_fen", nullable = false)
    long carveOutsFen;

    @Column(name = "factor_adjustment_fen", nullable = false)
    long factorAdjustmentFen;

    @Column(name = "package_total_fen", nullable = false)
    long packageTotalFen;

    @Column(name = "parameter_version", nullable = false)
    String parameterVersion;

    @Column(name = "covered_divisions")
    String coveredDivisions;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Column(name = "approved_by")
    String approvedBy;

    @Column(name = "approved_at")
    Instant approvedAt;

    @Column(name = "provisional_dip_cases")
    Long provisionalDipCases;

    @Column(name = "provisional_dip_fen")
    Long provisionalDipFen;

    /** The declaration the draft's base spend is (V28); null: the platform's own sum. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "declared_base_id")
    DeclaredBaseEntity declaredBase;

    /** The platform's own sum of the base year, beside a declared base (V28; null on drafts computed before). */
    @Column(name = "platform_base_spend_fen")
    Long platformBaseSpendFen;

    protected AllianceBudgetEntity() {
    }

    public AllianceBudgetEntity(String allianceId, int year) {
        this.allianceId = allianceId;
        this.year = year;
        this.status = BudgetStatus.DRAFT;
    }

    /** Replaces the draft's figures with a fresh computation from {@code baseYear}'s settled cases. */
    public void draft(PackageBudget budget, int baseYear, long settledCases, VisitSpend outpatient, List<String> covered,
                      String parameterVersion, String actor, Instant at) {
        this.coveredDivisions = covered.stream().sorted().collect(Collectors.joining(","));
        this.baseYear = baseYear;
        this.settledCases = settledCases;
        this.baseOutpatientFen = outpatient.amount().fen();
        this.baseVisits = outpatient.visits();
        this.baseSpendFen = budget.baseSpend().fen();
        // At the column's scale (NUMERIC(9, 6); the rules allow no more decimals): the draft answers what a later read
        // of the row answers and the approval publishes — "0.050000" both, not "0.05" then "0.050000".
        this.growthRate = budget.parameters().growthRate().setScale(BudgetParameters.RATE_DECIMALS);
        this.riskReserveRate = budget.parameters().riskReserveRate().setScale(BudgetParameters.RATE_DECIMALS);
        this.grownSpendFen = budget.grownSpend().fen();
        this.riskReserveFen = budget.riskReserve().fen();
        this.carveOutsFen = budget.carveOuts().fen();
        this.factorAdjustmentFen = budget.factorAdjustment().fen();
        this.packageTotalFen = budget.packageTotal().fen();
        this.parameterVersion = parameterVersion;
        this.requestedBy = actor;
        this.requestedAt = at;
    }

    /** What of the draft's base spend was priced at a provisional DIP point value when it was computed. */
    public void provisionalDip(ProvisionalDip provisional) {
        this.provisionalDipCases = provisional.cases();
        this.provisionalDipFen = provisional.amount().fen();
    }

    /**
     * What the draft's base spend stands on: the {@code declared} base where one stood when it was computed, else the
     * platform's sum; the platform's sum is kept either way, for the officer to compare.
     */
    public void basedOn(Optional<DeclaredBaseEntity> declared, Money platformBaseSpend) {
        this.declaredBase = declared.orElse(null);
        this.platformBaseSpendFen = platformBaseSpend.fen();
    }

    /** The declared base the draft was computed on; empty when it stands on the platform's spend. */
    public Optional<DeclaredBase> declaredBase() {
        return declaredBase == null ? Optional.empty() : declaredBase.declaration();
    }

    /** The platform's own sum of the base year (the base spend itself for drafts computed before V28). */
    public Money platformBaseSpend() {
        return platformBaseSpendFen == null ? baseSpend() : Money.ofFen(platformBaseSpendFen);
    }

    /** Empty for a draft computed before V25. */
    public Optional<ProvisionalDip> provisionalDip() {
        return provisionalDipCases == null ? Optional.empty()
                : Optional.of(new ProvisionalDip(provisionalDipCases, Money.ofFen(provisionalDipFen)));
    }

    /** The divisions whose residents' spend the draft counted, sorted; empty for a draft stored before they were kept. */
    public List<String> coveredDivisions() {
        return coveredDivisions == null || coveredDivisions.isEmpty() ? List.of() : List.of(coveredDivisions.split(","));
    }

    public void approve(String actor, Instant at) {
        status = BudgetStatus.APPROVED;
        approvedBy = actor;
        approvedAt = at;
    }

    public String allianceId() {
        return allianceId;
    }

    public int year() {
        return year;
    }

    public int version() {
        return version;
    }

    public BudgetStatus status() {
        return status;
    }

    public int baseYear() {
        return baseYear;
    }

    public long settledCases() {
        return settledCases;
    }

    /** Empty for a budget drafted before outpatient visits were counted. */
    public Optional<VisitSpend> baseOutpatient() {
        return baseOutpatientFen == null ? Optional.empty()
                : Optional.of(new VisitSpend(Money.ofFen(baseOutpatientFen), baseVisits));
    }

    public Money baseSpend() {
        return Money.ofFen(baseSpendFen);
    }

    public BigDecimal growthRate() {
        return growthRate;
    }

    public BigDecimal riskReserveRate() {
        return riskReserveRate;
    }

    public Money grownSpend() {
        return Money.ofFen(grownSpendFen);
    }

    public Money riskReserve() {
        return Money.ofFen(riskReserveFen);
    }

    public Money carveOuts() {
        return Money.ofFen(carveOutsFen);
    }

    public SignedMoney factorAdjustment() {
        return SignedMoney.ofFen(factorAdjustmentFen);
    }

    public Money packageTotal() {
        return Money.ofFen(packageTotalFen);
    }

    public String parameterVersion() {
        return parameterVersion;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public static class Key implements Serializable {
        String allianceId;
        int year;

        public Key() {
        }

        public Key(String allianceId, int year) {
            this.allianceId = allianceId;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.year == year && Objects.equals(key.allianceId, allianceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(allianceId, year);
        }
    }
}
