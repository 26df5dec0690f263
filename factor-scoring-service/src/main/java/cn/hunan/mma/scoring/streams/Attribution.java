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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What one counted record adds to which scopes (the oracle's attribution rules): by TREATMENT the
 * reporting institution (a referral's sender), every alliance listing it as a member, and its
 * county, city and province; by RESIDENCE the patient's county, city and province and every
 * alliance covering the residence. Records of institutions missing from the matrix count nowhere.
 */
final class Attribution {

    private final List<MeasureDefinition> measures;

    Attribution(List<MeasureDefinition> measures) {
        this.measures = measures;
    }

    /** @param sign +1 to count the record, −1 to take it back out */
    List<ScopeDelta> deltas(ContractRecord record, int sign, MatrixView matrix) {
        InstitutionId institutionId = treatingInstitution(record);
        if (institutionId == null) {
            return List.of();
        }
        InstitutionSnapshot institution = matrix.institution(institutionId).orElse(null);
        if (institution == null) {
            return List.of();
        }
        String type = EventTypes.nameOf(record);
        Map<String, Map<String, Long>> byScope = new LinkedHashMap<>();
        // The scopes depend on the basis only: worked out once per record, not once per measure.
        Map<Basis, Map<String, Predicate<DivisionCode>>> scopesByBasis = new EnumMap<>(Basis.class);
        for (MeasureDefinition measure : measures) {
            if (!measure.eventTypes().contains(type) || !meetsRecordConditions(measure, record, institution)) {
                continue;
            }
            long amount = sign * (measure.counts() ? 1 : EventFields.amount(record, measure.sumOf()));
            if (amount == 0) {
                continue;
            }
            for (Map.Entry<String, Predicate<DivisionCode>> scope : scopesByBasis.computeIfAbsent(measure.basis(),
                    basis -> scopes(basis, record, institution, matrix)).entrySet()) {
                if (meetsScopeConditions(measure, scope.getValue().test(institution.divisionCode()))) {
                    byScope.computeIfAbsent(scope.getKey(), key -> new TreeMap<>()).merge(measure.id(), amount, Long::sum);
                }
            }
        }
        String month = Period.containing(record.occurredAt(), Period.Kind.MONTH).toString();
        List<ScopeDelta> deltas = new ArrayList<>(byScope.size());
        byScope.forEach((scope, values) -> deltas.add(
                new ScopeDelta(scope, month, values, record.eventId().value(), record.occurredAt().toEpochMilli())));
        return deltas;
    }

    private static InstitutionId treatingInstitution(ContractRecord record) {
        if (record instanceof HospitalReport report) {
            return report.institutionId();
        }
        // Referrals count for the sender; later lifecycle events carry no measures of their own.
        return record instanceof ReferralRequested request ? request.sender().institutionId() : null;
    }

    private static boolean meetsRecordConditions(MeasureDefinition measure, ContractRecord record, InstitutionSnapshot institution) {
        for (Condition condition : measure.where()) {
            String field = condition.field();
            if (EventFields.TREATED_IN_SCOPE.equals(field)) {
                continue;
            }
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

    /** Scope key → "is a place of treatment inside this scope". */
    private static Map<String, Predicate<DivisionCode>> scopes(Basis basis, ContractRecord record,
                                                               InstitutionSnapshot institution, MatrixView matrix) {
        Map<String, Predicate<DivisionCode>> scopes = new LinkedHashMap<>();
        if (basis == Basis.TREATMENT) {
            scopes.put("INSTITUTION:" + institution.institutionId().value(), place -> true);
            for (AllianceSnapshot alliance : matrix.alliancesWithMember(institution.institutionId())) {
                scopes.put("ALLIANCE:" + alliance.allianceId().value(), place -> true);
            }
            areas(institution.divisionCode(), scopes);
            return scopes;
        }
        DivisionCode residence = ((CareEvent) record).residenceDivision();
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
