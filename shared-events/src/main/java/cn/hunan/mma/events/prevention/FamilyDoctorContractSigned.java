package cn.hunan.mma.events.prevention;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.PatientPseudonym;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * States that a resident signed a family-doctor contract (家庭医生签约) with a primary-care team.
 *
 * @param teamId    the signing team, as the institution names it
 * @param keyGroups the key groups the resident belongs to; empty for none
 * @param validTo   last day of the contract, inclusive
 */
public record FamilyDoctorContractSigned(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        PatientPseudonym patient,
        String teamId,
        List<KeyGroup> keyGroups,
        LocalDate validFrom,
        LocalDate validTo,
        @OptionalField EventId correctsEventId) implements PreventionEvent {

    public FamilyDoctorContractSigned {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(patient, "patient");
        Checks.text(teamId, "teamId", 64);
        keyGroups = Checks.list(keyGroups, "keyGroups");
        Checks.present(validFrom, "validFrom");
        Checks.present(validTo, "validTo");
        Checks.require(!validTo.isBefore(validFrom), "validTo", "a contract cannot end before it starts");
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
