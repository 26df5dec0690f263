package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.domain.budget.DeclaredBase;
import cn.hunan.mma.settlement.persistence.DeclaredBaseEntity;

import java.time.Instant;
import java.util.List;

/**
 * A budget year's declared base: the one standing (null when none does) and every declaration and withdrawal, oldest
 * first — the audit trail of who put which figure in the place of the platform's base spend, and when.
 */
public record DeclaredBaseView(String allianceId, int year, int baseYear, Declared standing, List<Entry> history) {

    /** A declaration as a draft uses it; {@code number} is what a draft's {@code declaredBase.number} refers to. */
    public record Declared(long number, String baseSpend, String source, List<String> coveredDivisions, String declaredBy,
                           Instant declaredAt) {

        static Declared of(DeclaredBase base) {
            return new Declared(base.number(), base.baseSpend().toYuanString(), base.source(), base.coveredDivisions(),
                    base.declaredBy(), base.declaredAt());
        }
    }

    /** One declaration (DECLARED, with its figure and source) or withdrawal (WITHDRAWN). */
    public record Entry(long number, String action, String baseSpend, String source, String by, Instant at) {

        static Entry of(DeclaredBaseEntity row) {
            return row.declaration()
                    .map(base -> new Entry(base.number(), row.action(), base.baseSpend().toYuanString(), base.source(),
                            row.recordedBy(), row.recordedAt()))
                    .orElseGet(() -> new Entry(row.id(), row.action(), null, null, row.recordedBy(), row.recordedAt()));
        }
    }

    static DeclaredBaseView of(String allianceId, int year, List<DeclaredBaseEntity> history) {
        Declared standing = history.isEmpty() ? null
                : history.get(history.size() - 1).declaration().map(Declared::of).orElse(null);
        return new DeclaredBaseView(allianceId, year, year - 1, standing, history.stream().map(Entry::of).toList());
    }
}
