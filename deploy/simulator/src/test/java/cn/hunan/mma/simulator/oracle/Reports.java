package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.capacity.ClinicSession;
import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.conduct.IncidentKind;
import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.events.prevention.ChronicFollowUpRecorded;
import cn.hunan.mma.events.prevention.FamilyDoctorContractSigned;
import cn.hunan.mma.events.prevention.KeyGroup;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.time.LocalDate;
import java.util.List;

import static cn.hunan.mma.simulator.oracle.Events.cst;
import static cn.hunan.mma.simulator.oracle.Events.id;
import static cn.hunan.mma.simulator.oracle.Events.patient;

/** Capacity, prevention and conduct reports for the tests, all in March 2025 unless said otherwise. */
final class Reports {

    private static final ClinicSession EXPERT_SESSION =
            new ClinicSession(DepartmentId.of("cardiology"), LocalDate.parse("2025-03-20"), SessionPeriod.AM, true);

    private Reports() {
    }

    static SlotsPublished slotsPublished(String label, InstitutionId at, int publicCount, int reservedForReferrals) {
        return new SlotsPublished(id(label), cst("2025-03-10T08:00"), at, EXPERT_SESSION, publicCount, reservedForReferrals, null);
    }

    static SlotsBooked slotsBooked(String label, InstitutionId at, SlotChannel channel, int count) {
        return new SlotsBooked(id(label), cst("2025-03-12T08:00"), at, EXPERT_SESSION, channel, count, null);
    }

    /** @param openedFrom null for bookings given back, else the channel unused slots were opened from */
    static SlotsReleased slotsReleased(String label, InstitutionId at, SlotChannel channel, int count, SlotChannel openedFrom) {
        return new SlotsReleased(id(label), cst("2025-03-13T08:00"), at, EXPERT_SESSION, channel, count, openedFrom, null);
    }

    static ChronicFollowUpRecorded followUp(String label, InstitutionId recordedBy, Level where) {
        return new ChronicFollowUpRecorded(id(label), cst("2025-03-15T10:00"), recordedBy, patient("chronic " + label),
                ChronicCondition.HYPERTENSION, where, true, null);
    }

    static FamilyDoctorContractSigned contract(String label, InstitutionId at, List<KeyGroup> keyGroups) {
        return new FamilyDoctorContractSigned(id(label), cst("2025-03-01T09:00"), at, patient("contracted " + label), "team-1",
                keyGroups, LocalDate.parse("2025-03-01"), LocalDate.parse("2026-02-28"), null);
    }

    static ConductIncidentRecorded complaint(String label, InstitutionId about, boolean verified, String correctsLabel) {
        return new ConductIncidentRecorded(id(label), cst("2025-03-20T10:00"), about, IncidentKind.COMPLAINT, verified, null,
                correctsLabel == null ? null : id(correctsLabel));
    }
}
