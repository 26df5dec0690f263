package cn.hunan.mma.events.registry;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.ReservedBedsReported;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.insurance.AllianceBudgetApproved;
import cn.hunan.mma.events.insurance.CaseSettled;
import cn.hunan.mma.events.insurance.DipYearCleared;
import cn.hunan.mma.events.insurance.PeriodSettlementClosed;
import cn.hunan.mma.events.insurance.PeriodSettlementReopened;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.prevention.ChronicFollowUpRecorded;
import cn.hunan.mma.events.prevention.FamilyDoctorContractSigned;
import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralArrived;
import cn.hunan.mma.events.referral.ReferralCancelled;
import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralFollowedUp;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.referral.ReferralPlatformApproved;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReferralTreatmentStarted;
import cn.hunan.mma.events.scoring.FactorScoreComputed;
import cn.hunan.mma.events.support.SupportMetricsReported;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wire name of every record type: the payload's {@code type} field and the CloudEvents
 * {@code ce_type} header. Names are forever. Evolution is additive only (new optional fields);
 * a breaking change is a new type with a new name (e.g. "InpatientDischargedV2") registered
 * beside the old one, which stays readable until no producer sends it.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends ContractRecord>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<? extends ContractRecord>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        // matrix (reference data, compacted)
        register("InstitutionSnapshot", InstitutionSnapshot.class);
        register("AllianceSnapshot", AllianceSnapshot.class);
        register("SpecialtySnapshot", SpecialtySnapshot.class);
        register("GuidanceCatalogueEntry", GuidanceCatalogueEntry.class);
        // capacity
        register("SlotsPublished", SlotsPublished.class);
        register("SlotsBooked", SlotsBooked.class);
        register("SlotsReleased", SlotsReleased.class);
        register("SlotsCancelled", SlotsCancelled.class);
        register("BedStatusReported", BedStatusReported.class);
        register("ReservedBedsReported", ReservedBedsReported.class);
        // care
        register("OutpatientVisitRecorded", OutpatientVisitRecorded.class);
        register("InpatientAdmitted", InpatientAdmitted.class);
        register("InpatientDischarged", InpatientDischarged.class);
        // referral lifecycle
        register("ReferralRequested", ReferralRequested.class);
        register("ReferralPlatformApproved", ReferralPlatformApproved.class);
        register("ReferralAccepted", ReferralAccepted.class);
        register("ReferralRejected", ReferralRejected.class);
        register("ReferralScheduled", ReferralScheduled.class);
        register("ReferralArrived", ReferralArrived.class);
        register("ReferralNoShowRecorded", ReferralNoShowRecorded.class);
        register("ReferralCancelled", ReferralCancelled.class);
        register("ReferralTreatmentStarted", ReferralTreatmentStarted.class);
        register("ReferralCompleted", ReferralCompleted.class);
        register("ReferralFollowedUp", ReferralFollowedUp.class);
        // prevention, conduct, support
        register("FamilyDoctorContractSigned", FamilyDoctorContractSigned.class);
        register("ChronicFollowUpRecorded", ChronicFollowUpRecorded.class);
        register("ConductIncidentRecorded", ConductIncidentRecorded.class);
        register("SupportMetricsReported", SupportMetricsReported.class);
        // outputs
        register("FactorScoreComputed", FactorScoreComputed.class);
        register("AllianceBudgetApproved", AllianceBudgetApproved.class);
        register("CaseSettled", CaseSettled.class);
        register("PeriodSettlementClosed", PeriodSettlementClosed.class);
        register("PeriodSettlementReopened", PeriodSettlementReopened.class);
        register("DipYearCleared", DipYearCleared.class);
    }

    private EventTypes() {
    }

    private static void register(String name, Class<? extends ContractRecord> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " must be a record");
        }
        if (BY_NAME.putIfAbsent(name, type) != null || BY_CLASS.putIfAbsent(type, name) != null) {
            throw new IllegalStateException("event type registered twice: " + name + " / " + type.getName());
        }
    }

    /** Every registered wire name with its record class, in registration order. */
    public static Map<String, Class<? extends ContractRecord>> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    public static Optional<Class<? extends ContractRecord>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The wire name of a record class; fails for a class nobody registered (a programming error). */
    public static String nameOf(Class<? extends ContractRecord> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not a registered event type");
        }
        return name;
    }

    public static String nameOf(ContractRecord record) {
        return nameOf(record.getClass());
    }
}
