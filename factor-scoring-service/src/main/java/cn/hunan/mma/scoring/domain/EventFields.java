package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.care.CareEvent;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.prevention.ChronicFollowUpRecorded;
import cn.hunan.mma.events.prevention.FamilyDoctorContractSigned;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.support.SupportMetricsReported;
import cn.hunan.mma.events.value.Money;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The event fields a rule set may filter on or sum, per event type (wire name). This is the
 * vocabulary the validator checks configurations against; anything else is rejected with a reason.
 * Money sums are in fen. Two derived fields need the matrix and are resolved by the topology:
 * {@value #INSTITUTION_LEVEL} (the treating institution's level) and, for RESIDENCE measures,
 * {@value #TREATED_IN_SCOPE} ("true" when the care took place inside the scope being counted).
 */
public final class EventFields {

    public static final String INSTITUTION_LEVEL = "institution.level";
    public static final String TREATED_IN_SCOPE = "treatedInScope";
    /**
     * How much the event moved its channel's booked figure: + a booking's count, − a booking given back's, 0 for slots
     * opened from another channel. Summed over SlotsBooked and SlotsReleased it is what stays booked, so a referral
     * cancelled, rejected or missed after it was scheduled does not count as a reserved slot used.
     */
    public static final String BOOKED_CHANGE = "bookedChange";

    private record TypeFields(Class<? extends ContractRecord> type,
                              Map<String, Function<ContractRecord, String>> texts,
                              Map<String, ToLongFunction<ContractRecord>> amounts) {
    }

    private static final Map<String, TypeFields> BY_TYPE = new HashMap<>();

    static {
        type(OutpatientVisitRecorded.class,
                Map.of("visitKind", r -> ((OutpatientVisitRecorded) r).visitKind().name(),
                        "contractedFamilyDoctor", r -> String.valueOf(((OutpatientVisitRecorded) r).contractedFamilyDoctor()),
                        "referral.present", r -> String.valueOf(((OutpatientVisitRecorded) r).referralId() != null)),
                Map.of("charges.total", r -> fen(((OutpatientVisitRecorded) r).charges().total()),
                        "charges.fundPaid", r -> fen(((OutpatientVisitRecorded) r).charges().fundPaid()),
                        "charges.outOfPocket", r -> fen(((OutpatientVisitRecorded) r).charges().outOfPocket())));
        type(InpatientAdmitted.class,
                Map.of("referral.present", r -> String.valueOf(((InpatientAdmitted) r).referralId() != null),
                        "episode.present", r -> String.valueOf(((InpatientAdmitted) r).episodeId() != null)),
                Map.of());
        type(InpatientDischarged.class,
                Map.of("dischargeMode", r -> ((InpatientDischarged) r).dischargeMode().name(),
                        "episode.present", r -> String.valueOf(((InpatientDischarged) r).episodeId() != null)),
                Map.of("charges.total", r -> fen(((InpatientDischarged) r).charges().total()),
                        "charges.fundPaid", r -> fen(((InpatientDischarged) r).charges().fundPaid()),
                        "charges.outOfPocket", r -> fen(((InpatientDischarged) r).charges().outOfPocket()),
                        "lengthOfStayDays", r -> ((InpatientDischarged) r).lengthOfStayDays()));
        type(ReferralRequested.class,
                Map.of("direction", r -> ((ReferralRequested) r).direction().name(),
                        "urgency", r -> ((ReferralRequested) r).urgency().name(),
                        "flaggedAgainstCatalogue", r -> String.valueOf(((ReferralRequested) r).flaggedAgainstCatalogue()),
                        // Absent from producers that predate the flag: those refused referrals without criteria.
                        "criteriaMissing", r -> String.valueOf(Boolean.TRUE.equals(((ReferralRequested) r).criteriaMissing()))),
                Map.of());
        type(SlotsPublished.class, Map.of(),
                Map.of("publicCount", r -> ((SlotsPublished) r).publicCount(),
                        "reservedForReferralCount", r -> ((SlotsPublished) r).reservedForReferralCount()));
        type(SlotsBooked.class,
                Map.of("channel", r -> ((SlotsBooked) r).channel().name()),
                Map.of("count", r -> ((SlotsBooked) r).count(),
                        BOOKED_CHANGE, r -> ((SlotsBooked) r).count()));
        // A release without openedFrom is a booking given back (the channel's booked figure falls); with it, unused
        // slots moved between channels, which books nothing and gives nothing back (the SlotsReleased contract).
        type(SlotsReleased.class,
                Map.of("channel", r -> ((SlotsReleased) r).channel().name(),
                        "openedFrom.present", r -> String.valueOf(((SlotsReleased) r).opensSlots())),
                Map.of("count", r -> ((SlotsReleased) r).count(),
                        BOOKED_CHANGE, r -> ((SlotsReleased) r).opensSlots() ? 0 : -((SlotsReleased) r).count()));
        type(FamilyDoctorContractSigned.class,
                Map.of("keyGroups.present", r -> String.valueOf(!((FamilyDoctorContractSigned) r).keyGroups().isEmpty())),
                Map.of());
        type(ChronicFollowUpRecorded.class,
                Map.of("followUpLevel", r -> ((ChronicFollowUpRecorded) r).followUpLevel().name(),
                        "condition", r -> ((ChronicFollowUpRecorded) r).condition().name(),
                        "controlled", r -> String.valueOf(((ChronicFollowUpRecorded) r).controlled())),
                Map.of());
        type(ConductIncidentRecorded.class,
                Map.of("kind", r -> ((ConductIncidentRecorded) r).kind().name(),
                        "verified", r -> String.valueOf(((ConductIncidentRecorded) r).verified())),
                Map.of("amount", r -> {
                    Money amount = ((ConductIncidentRecorded) r).amount();
                    return amount == null ? 0 : amount.fen();
                }));
        type(SupportMetricsReported.class,
                Map.of("informationSystemConnected", r -> String.valueOf(((SupportMetricsReported) r).informationSystemConnected()),
                        "townshipCapabilityStandardMet", r -> String.valueOf(((SupportMetricsReported) r).townshipCapabilityStandardMet())),
                Map.of("staffTotal", r -> ((SupportMetricsReported) r).staffTotal(),
                        "physicians", r -> ((SupportMetricsReported) r).physicians(),
                        "fundingDelivered", r -> fen(((SupportMetricsReported) r).fundingDelivered()),
                        "seniorPhysiciansSeconded", r -> ((SupportMetricsReported) r).seniorPhysiciansSeconded(),
                        "sharedCentreServiceVolume", r -> ((SupportMetricsReported) r).sharedCentreServiceVolume()));
    }

    private EventFields() {
    }

    private static void type(Class<? extends ContractRecord> type, Map<String, Function<ContractRecord, String>> texts,
                             Map<String, ToLongFunction<ContractRecord>> amounts) {
        BY_TYPE.put(EventTypes.nameOf(type), new TypeFields(type, texts, amounts));
    }

    private static long fen(Money money) {
        return money.fen();
    }

    public static Set<String> eventTypes() {
        return BY_TYPE.keySet();
    }

    public static boolean knowsType(String eventType) {
        return BY_TYPE.containsKey(eventType);
    }

    /** Whether the type carries a patient residence, so RESIDENCE measures can count it. */
    public static boolean hasResidence(String eventType) {
        return BY_TYPE.containsKey(eventType) && CareEvent.class.isAssignableFrom(BY_TYPE.get(eventType).type());
    }

    public static boolean knowsFilterField(String eventType, String field, Basis basis) {
        if (INSTITUTION_LEVEL.equals(field)) {
            return knowsType(eventType);
        }
        if (TREATED_IN_SCOPE.equals(field)) {
            return basis == Basis.RESIDENCE;
        }
        return knowsType(eventType) && BY_TYPE.get(eventType).texts().containsKey(field);
    }

    public static boolean knowsAmountField(String eventType, String field) {
        return knowsType(eventType) && BY_TYPE.get(eventType).amounts().containsKey(field);
    }

    /**
     * The getter of a text field for one event type, resolved once when a rule set is compiled rather than looked
     * up by name for every event; null when the type does not have the field.
     */
    public static Function<ContractRecord, String> textGetter(String eventType, String field) {
        TypeFields fields = BY_TYPE.get(eventType);
        return fields == null ? null : fields.texts().get(field);
    }

    /** The getter of a numeric field for one event type (as {@link #textGetter}); null when the type does not have it. */
    public static ToLongFunction<ContractRecord> amountGetter(String eventType, String field) {
        TypeFields fields = BY_TYPE.get(eventType);
        return fields == null ? null : fields.amounts().get(field);
    }

    /** A text field of the record, empty when the record's type does not have it. */
    public static Optional<String> text(ContractRecord record, String field) {
        TypeFields fields = BY_TYPE.get(EventTypes.nameOf(record));
        if (fields == null || !fields.texts().containsKey(field)) {
            return Optional.empty();
        }
        return Optional.of(fields.texts().get(field).apply(record));
    }

    public static long amount(ContractRecord record, String field) {
        return BY_TYPE.get(EventTypes.nameOf(record)).amounts().get(field).applyAsLong(record);
    }
}
