package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.care.CareEvent;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.domain.Basis;
import cn.hunan.mma.scoring.domain.Condition;
import cn.hunan.mma.scoring.domain.EventFields;
import cn.hunan.mma.scoring.domain.MeasureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one counted record adds to which scopes (the oracle's attribution rules): by TREATMENT the
 * reporting institution (a referral's sender), every alliance listing it as a member, and its
 * county, city and province; by RESIDENCE the patient's county, city and province and every
 * alliance covering the residence. Records of institutions missing from the matrix count nowhere.
 */
final class Attribution {

    private final List<MeasureDefinition> measures;
    /** Event type → positions of the measures counting it: most measures concern one or two types. */
    private final Map<String, int[]> measuresByType = new HashMap<>();
    /** Per measure: its conditions on the record (all but {@code treatedInScope}). */
    private final Condition[][] recordConditions;
    /** Per measure: whether it counts in a scope where the place of treatment lies inside / outside the scope. */
    private final boolean[] countsInScope;
    private final boolean[] countsOutOfScope;

    Attribution(List<MeasureDefinition> measures) {
        this.measures = measures;
        int size = measures.size();
        recordConditions = new Condition[size][];
        countsInScope = new boolean[size];
        countsOutOfScope = new boolean[size];
        Map<String, List<Integer>> byType = new HashMap<>();
        for (int index = 0; index < size; index++) {
            MeasureDefinition measure = measures.get(index);
            for (String type : measure.eventTypes()) {
                byType.computeIfAbsent(type, key -> new ArrayList<>()).add(index);
            }
            recordConditions[index] = measure.where().stream()
                    .filter(condition -> !EventFields.TREATED_IN_SCOPE.equals(condition.field())).toArray(Condition[]::new);
            countsInScope[index] = meetsScopeConditions(measure, true);
            countsOutOfScope[index] = meetsScopeConditions(measure, false);
        }
        byType.forEach((type, indexes) -> measuresByType.put(type, indexes.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The counting measures, by the position {@link Contribution} refers to them with. */
    List<MeasureDefinition> measures() {
        return measures;
    }

    /** What the record adds, or null when it counts nowhere (no measure, or an institution missing from the matrix). */
    Contribution contribution(ContractRecord record, MatrixView matrix) {
        int[] candidates = measuresByType.get(EventTypes.nameOf(record));
        InstitutionId institutionId = candidates == null ? null : treatingInstitution(record);
        if (institutionId == null) {
            return null;
        }
        InstitutionSnapshot institution = matrix.institution(institutionId).orElse(null);
        if (institution == null) {
            return null;
        }
        Scopes treatment = null;
        Scopes residence = null;
        long[][] treatmentAmounts = null;
        long[][] residenceAmounts = null;
        for (int index : candidates) {
            MeasureDefinition measure = measures.get(index);
            if (!meetsRecordConditions(recordConditions[index], record, institution)) {
                continue;
            }
            long amount = measure.counts() ? 1 : EventFields.amount(record, measure.sumOf());
            if (amount == 0) {
                continue;
            }
            Scopes scopes;
            long[][] amounts;
            if (measure.basis() == Basis.TREATMENT) {
                if (treatment == null) {
                    treatment = treatmentScopes(institution, matrix);
                    treatmentAmounts = new long[treatment.keys().length][];
                }
                scopes = treatment;
                amounts = treatmentAmounts;
            } else {
                if (residence == null) {
                    residence = residenceScopes(((CareEvent) record).residenceDivision(), institution, matrix);
                    residenceAmounts = new long[residence.keys().length][];
                }
                scopes = residence;
                amounts = residenceAmounts;
            }
            for (int scope = 0; scope < amounts.length; scope++) {
                if (scopes.treatedInScope()[scope] ? countsInScope[index] : countsOutOfScope[index]) {
                    if (amounts[scope] == null) {
                        amounts[scope] = new long[measures.size()];
                    }
                    amounts[scope][index] += amount;
                }
            }
        }
        Map<String, long[]> byScope = new LinkedHashMap<>();
        merge(byScope, treatment, treatmentAmounts);
        merge(byScope, residence, residenceAmounts);
        if (byScope.isEmpty()) {
            return null;
        }
        List<Contribution.ScopeAmounts> scopes = new ArrayList<>(byScope.size());
        byScope.forEach((scope, dense) -> scopes.add(sparse(scope, dense)));
        return new Contribution(record.eventId().value(), record.occurredAt().toEpochMilli(),
                Period.containing(record.occurredAt(), Period.Kind.MONTH).toString(), scopes);
    }

    /** Treatment and residence scopes may share a key (the county of a patient treated near home): one entry each. */
    private static void merge(Map<String, long[]> byScope, Scopes scopes, long[][] amounts) {
        if (scopes == null) {
            return;
        }
        for (int scope = 0; scope < amounts.length; scope++) {
            if (amounts[scope] == null) {
                continue;
            }
            long[] dense = byScope.get(scopes.keys()[scope]);
            if (dense == null) {
                byScope.put(scopes.keys()[scope], amounts[scope]);
            } else {
                for (int i = 0; i < dense.length; i++) {
                    dense[i] += amounts[scope][i];
                }
            }
        }
    }

    /** The scope keys of one basis, with "is the place of treatment inside this scope" for each. */
    record Scopes(String[] keys, boolean[] treatedInScope) {
    }

    private static Scopes treatmentScopes(InstitutionSnapshot institution, MatrixView matrix) {
        return matrix.remembered(institution.institutionId(), () -> {
            return scopesOf(treatmentScopeMap(institution, matrix), institution.divisionCode());
        });
    }

    private static Scopes residenceScopes(DivisionCode residence, InstitutionSnapshot institution, MatrixView matrix) {
        return matrix.remembered(List.of(residence, institution.divisionCode()), () ->
                scopesOf(residenceScopeMap(residence, matrix), institution.divisionCode()));
    }

    private static Scopes scopesOf(Map<String, Predicate<DivisionCode>> scopes, DivisionCode place) {
        String[] keys = scopes.keySet().toArray(String[]::new);
        boolean[] inside = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            inside[i] = scopes.get(keys[i]).test(place);
        }
        return new Scopes(keys, inside);
    }

    private static Contribution.ScopeAmounts sparse(String scope, long[] dense) {
        int size = 0;
        for (long amount : dense) {
            size += amount == 0 ? 0 : 1;
        }
        int[] measures = new int[size];
        long[] amounts = new long[size];
        int next = 0;
        for (int index = 0; index < dense.length; index++) {
            if (dense[index] != 0) {
                measures[next] = index;
                amounts[next++] = dense[index];
            }
        }
        return new Contribution.ScopeAmounts(scope, measures, amounts);
    }

    private static InstitutionId treatingInstitution(ContractRecord record) {
        if (record instanceof HospitalReport report) {
            return report.institutionId();
        }
        // Referrals count for the sender; later lifecycle events carry no measures of their own.
        return record instanceof ReferralRequested request ? request.sender().institutionId() : null;
    }

    private static boolean meetsRecordConditions(Condition[] conditions, ContractRecord record, InstitutionSnapshot institution) {
        for (Condition condition : conditions) {
            String field = condition.field();
            String value = EventFields.INSTITUTION_LEVEL.equals(field)
                    ? institution.level().name()
                    : EventFields.text(record, field).orElse(null);
            if (!condition.acceptsValue(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean meetsScopeConditions(MeasureDefinition measure, boolean treatedInScope) {
        return measure.where().stream()
                .filter(condition -> EventFields.TREATED_IN_SCOPE.equals(condition.field()))
                .allMatch(condition -> condition.acceptsValue(String.valueOf(treatedInScope)));
    }

    /** Scope key → "is a place of treatment inside this scope": all of them, by treatment. */
    private static Map<String, Predicate<DivisionCode>> treatmentScopeMap(InstitutionSnapshot institution, MatrixView matrix) {
        Map<String, Predicate<DivisionCode>> scopes = new LinkedHashMap<>();
        scopes.put("INSTITUTION:" + institution.institutionId().value(), place -> true);
        for (AllianceSnapshot alliance : matrix.alliancesWithMember(institution.institutionId())) {
            scopes.put("ALLIANCE:" + alliance.allianceId().value(), place -> true);
        }
        areas(institution.divisionCode(), scopes);
        return scopes;
    }

    private static Map<String, Predicate<DivisionCode>> residenceScopeMap(DivisionCode residence, MatrixView matrix) {
        Map<String, Predicate<DivisionCode>> scopes = new LinkedHashMap<>();
        areas(residence, scopes);
        for (AllianceSnapshot alliance : matrix.alliancesCovering(residence)) {
            scopes.put("ALLIANCE:" + alliance.allianceId().value(), place -> MatrixView.covers(alliance, place));
        }
        return scopes;
    }

    /** County (when the code is one, or finer), city and province, each with its "inside" test. */
    private static void areas(DivisionCode division, Map<String, Predicate<DivisionCode>> scopes) {
        DivisionCode.Granularity granularity = division.granularity();
        if (granularity != DivisionCode.Granularity.PROVINCE && granularity != DivisionCode.Granularity.PREFECTURE) {
            DivisionCode county = division.countyCode();
            scopes.put("COUNTY:" + county.value(), place -> place.isWithin(county));
        }
        if (granularity != DivisionCode.Granularity.PROVINCE) {
            DivisionCode city = division.cityCode();
            scopes.put("CITY:" + city.value(), place -> place.isWithin(city));
        }
        DivisionCode province = division.provinceCode();
        scopes.put("PROVINCE:" + province.value(), place -> place.isWithin(province));
    }
}
