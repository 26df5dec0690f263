package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.Tariffs;
import cn.hunan.mma.simulator.events.json.EventKind;
import cn.hunan.mma.simulator.events.json.OutpatientVisitJson;
import cn.hunan.mma.simulator.events.json.ReferralEventJson;
import cn.hunan.mma.simulator.events.json.SlotsJson;
import cn.hunan.mma.simulator.matrix.CareNetwork;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.ServiceLine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Referral lifecycles (DOMAIN §5), written in full when the referral is requested and delivered
 * as each step happens: REQUESTED → (PLATFORM_APPROVED for provincial receivers) → ACCEPTED or
 * REJECTED → SCHEDULED → ARRIVED, NO_SHOW or CANCELLED → IN_TREATMENT → COMPLETED → FOLLOWED_UP.
 * Three paths: up (or across) for admission with a bed held; up for a specialist consultation
 * with a reserved slot; down to the patient's township centre after a stay ending in discharge
 * mode 3. The stays and visits a referral leads to carry its referral and episode ids.
 */
final class Referrals {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private final Stays stays;

    Referrals(Stays stays) {
        this.stays = stays;
    }

    /** A patient sent to {@code receiver} for admission: from a lower level, or 1 in 10 across. */
    void forAdmission(CountyDay day, Patient patient, Institution receiver, Department ward, Diagnosis diagnosis) {
        SplittableRandom random = day.random;
        CareNetwork network = day.model.routing.network();
        Institution sender = random.nextDouble() < 0.10 ? sameLevelPeer(network, receiver, random) : null;
        ReferralDirection direction = sender == null ? ReferralDirection.UP : ReferralDirection.HORIZONTAL;
        if (sender == null) {
            sender = receiver.level() == Level.COUNTY || random.nextDouble() < 0.3
                    ? network.centreOfVillage(patient.village())
                    : network.countyHospitals().get(0);
        }
        ServiceLine line = CareRouting.lineFor(diagnosis, patient.band());
        Urgency urgency = urgency(random);
        long requestedAt = day.at(urgency == Urgency.EMERGENCY ? SimulationCalendar.emergencySecond(random)
                : SimulationCalendar.officeSecond(random));
        ReferralEventJson event = request(day, patient, sender, sender.departmentFor(line), receiver, ward, diagnosis,
                direction, urgency, requestedAt, null);
        String referralId = event.referralId;
        String episodeId = event.episodeId;
        long t = decide(day, event, receiver, requestedAt, urgency, 0.07, network);
        if (t < 0) {
            return;
        }
        long appointment = appointment(urgency, t, random);
        if (!schedule(day, event, ReservationKind.BED, t + 5 * MINUTE + random.nextInt(55 * 60), appointment, 0.03, 0.04,
                receiver, ward)) {
            return;
        }
        long arrival = arrive(day, event, appointment);
        stays.admit(day, patient, receiver, ward, diagnosis, arrival, referralId, episodeId, true);
        long completedAt = complete(day, event, receiver, day.lastDischargeAt + HOUR + random.nextInt(47 * 3600),
                outcome(day.lastDischargeMode, random));
        followUp(day, event, sender, completedAt, 0.75);
        afterDischarge(day, patient, receiver, ward, diagnosis);
    }

    /** A primary-care patient booked into a county or city specialist clinic through a reserved slot. */
    void forConsultation(CountyDay day, Patient patient, Institution sender, Department senderDepartment,
                         Diagnosis diagnosis, long visitAt) {
        SplittableRandom random = day.random;
        CareRouting routing = day.model.routing;
        Level level = random.nextDouble() < 0.75 ? Level.COUNTY : Level.CITY;
        Institution receiver = routing.institution(level, diagnosis, patient.village(), patient.band(), random);
        Department clinic = receiver.departmentFor(CareRouting.lineFor(diagnosis, patient.band()));
        Urgency urgency = random.nextDouble() < 0.25 ? Urgency.URGENT : Urgency.ROUTINE;
        long requestedAt = visitAt + 10 * MINUTE + random.nextInt(50 * 60);
        ReferralEventJson event = request(day, patient, sender, senderDepartment, receiver, clinic, diagnosis,
                ReferralDirection.UP, urgency, requestedAt, null);
        long t = decide(day, event, receiver, requestedAt, urgency, 0.05, routing.network());
        if (t < 0) {
            return;
        }
        long appointment = nextClinicMorning(t + DAY * (1 + random.nextInt(urgency == Urgency.URGENT ? 2 : 5)), random);
        if (!schedule(day, event, ReservationKind.SLOT, t + 5 * MINUTE + random.nextInt(55 * 60), appointment, 0.03, 0.05,
                receiver, clinic)) {
            return;
        }
        long arrival = arrive(day, event, appointment);
        long seenAt = arrival + 10 * MINUTE + random.nextInt(50 * 60);
        visit(day, patient, receiver, clinic, diagnosis, seenAt, event.referralId);
        long completedAt = complete(day, event, receiver, seenAt + HOUR + random.nextInt(3 * 3600),
                random.nextDouble() < 0.7 ? TreatmentOutcome.IMPROVED : TreatmentOutcome.UNCHANGED);
        followUp(day, event, sender, completedAt, 0.6);
    }

    /** After a stay that ended in discharge mode 3: the patient goes down to their township centre. */
    void afterDischarge(CountyDay day, Patient patient, Institution hospital, Department ward, Diagnosis diagnosis) {
        if (day.lastDischargeMode != DischargeMode.TRANSFERRED_TO_PRIMARY_CARE) {
            return;
        }
        SplittableRandom random = day.random;
        CareNetwork network = day.model.routing.network();
        Institution centre = network.centreOfVillage(patient.village());
        long dischargeAt = day.lastDischargeAt;
        String episodeId = day.lastEpisodeId;
        long window = Math.max(1, Math.min(12 * HOUR, dischargeAt - day.lastAdmittedAt));
        long requestedAt = dischargeAt - (long) (random.nextDouble() * window);
        boolean bed = centre.beds() > 0 && random.nextDouble() < 0.35;
        Department receiving = bed ? centre.wardFor(ServiceLine.REHABILITATION) : centre.departmentFor(ServiceLine.GENERAL_MEDICINE);
        ReferralEventJson event = request(day, patient, hospital, ward, centre, receiving, diagnosis,
                ReferralDirection.DOWN, Urgency.ROUTINE, requestedAt, episodeId);
        long t = decide(day, event, centre, requestedAt, Urgency.ROUTINE, 0.04, network);
        if (t < 0) {
            return;
        }
        long scheduledAt = t + 5 * MINUTE + random.nextInt(25 * 60);
        long appointment = Math.max(scheduledAt + HOUR,
                nextClinicMorning(dischargeAt + DAY * random.nextInt(3) - 12 * HOUR, random));
        if (!schedule(day, event, bed ? ReservationKind.BED : ReservationKind.SLOT, scheduledAt, appointment, 0.02, 0.05,
                centre, receiving)) {
            return;
        }
        long arrival = arrive(day, event, appointment);
        long completedAt;
        if (bed) {
            stays.admit(day, patient, centre, receiving, diagnosis, arrival, event.referralId, episodeId, false);
            completedAt = complete(day, event, centre, day.lastDischargeAt + HOUR + random.nextInt(23 * 3600),
                    outcome(day.lastDischargeMode, random));
        } else {
            long seenAt = arrival + 10 * MINUTE + random.nextInt(40 * 60);
            visit(day, patient, centre, receiving, diagnosis, seenAt, event.referralId);
            completedAt = complete(day, event, centre, seenAt + HOUR + random.nextInt(2 * 3600), TreatmentOutcome.IMPROVED);
        }
        followUp(day, event, hospital, completedAt + 4 * DAY, 0.6);
    }

    private ReferralEventJson request(CountyDay day, Patient patient, Institution sender, Department senderDepartment,
                                      Institution receiver, Department receiverDepartment, Diagnosis diagnosis,
                                      ReferralDirection direction, Urgency urgency, long at, String episodeId) {
        SplittableRandom random = day.random;
        ReferralEventJson event = day.referral;
        event.referralId = day.nextReferralId();
        event.episodeId = episodeId != null ? episodeId : day.nextEpisodeId();
        event.senderInstitutionId = sender.id();
        event.senderDepartmentId = senderDepartment.id();
        event.receiverInstitutionId = receiver.id();
        event.receiverDepartmentId = receiverDepartment.id();
        event.pseudonyms = day.model.residents.pseudonyms();
        event.residentIndex = patient.resident();
        event.diagnosis = diagnosis.code();
        event.direction = direction;
        event.urgency = urgency;
        event.criteria = criteria(direction, urgency, random);
        event.reason = ReferralTexts.reason(event.criteria.get(0));
        // Flag upward referrals of diseases the catalogue puts at the sender's level or lower.
        event.flaggedAgainstCatalogue = direction == ReferralDirection.UP
                && diagnosis.catalogueLevel().isAtOrBelow(sender.level());
        event.attachmentRef = "ehr://" + sender.id() + "/records/" + event.referralId;
        day.emit(event.at(EventKind.REFERRAL_REQUESTED, at));
        return event;
    }

    /**
     * Platform review (provincial receivers), then acceptance or rejection.
     *
     * @return when the referral was accepted, or -1 if it was rejected
     */
    private long decide(CountyDay day, ReferralEventJson event, Institution receiver, long requestedAt, Urgency urgency,
                        double rejection, CareNetwork network) {
        SplittableRandom random = day.random;
        long t = requestedAt;
        if (receiver.level() == Level.PROVINCE) {
            t += 10 * MINUTE + random.nextInt(80 * 60);
            day.emit(event.at(EventKind.REFERRAL_PLATFORM_APPROVED, t));
        }
        t += switch (urgency) {
            case EMERGENCY -> 5 * MINUTE + random.nextInt(25 * 60);
            case URGENT -> 30 * MINUTE + random.nextInt(210 * 60);
            case ROUTINE -> HOUR + random.nextInt(23 * 3600);
        };
        if (random.nextDouble() < rejection) {
            RejectionCode code = ReferralTexts.rejectionCode(random);
            event.rejectionCode = code;
            event.rejectionText = ReferralTexts.rejection(code);
            Institution onward = code == RejectionCode.CAPACITY_FULL && random.nextBoolean()
                    ? sameLevelPeer(network, receiver, random) : null;
            event.onwardInstitutionId = onward == null ? null : onward.id();
            day.emit(event.at(EventKind.REFERRAL_REJECTED, t));
            return -1;
        }
        day.emit(event.at(EventKind.REFERRAL_ACCEPTED, t));
        return t;
    }

    /**
     * Holds a bed or slot, then the patient cancels or does not come, or the referral goes ahead.
     * A referral slot is booked from the reserved pool and released again if unused.
     *
     * @return true when the patient will arrive
     */
    private boolean schedule(CountyDay day, ReferralEventJson event, ReservationKind kind, long scheduledAt,
                             long appointment, double cancellation, double noShow, Institution receiver,
                             Department department) {
        SplittableRandom random = day.random;
        event.reservationKind = kind;
        event.reservationId = kind.name() + "-" + event.referralId;
        event.appointmentAt = appointment;
        day.emit(event.at(EventKind.REFERRAL_SCHEDULED, scheduledAt));
        boolean slotReported = kind == ReservationKind.SLOT && receiver.level().isAbove(Level.TOWNSHIP);
        if (slotReported) {
            slot(day, EventKind.SLOTS_BOOKED, receiver, department, appointment, scheduledAt);
        }
        double u = random.nextDouble();
        if (u < cancellation) {
            long at = scheduledAt + (long) (random.nextDouble() * Math.max(1, appointment - scheduledAt));
            event.cancelledBy = ReferralTexts.cancellingParty(random);
            event.cancellationReason = ReferralTexts.cancellation(event.cancelledBy);
            day.emit(event.at(EventKind.REFERRAL_CANCELLED, at));
            if (slotReported) {
                slot(day, EventKind.SLOTS_RELEASED, receiver, department, appointment, at);
            }
            return false;
        }
        if (u < cancellation + noShow) {
            day.emit(event.at(EventKind.REFERRAL_NO_SHOW, appointment + 2 * HOUR));
            if (slotReported) {
                slot(day, EventKind.SLOTS_RELEASED, receiver, department, appointment, appointment + 2 * HOUR);
            }
            return false;
        }
        return true;
    }

    private long arrive(CountyDay day, ReferralEventJson event, long appointment) {
        SplittableRandom random = day.random;
        long arrival = appointment + random.nextInt(40 * 60);
        day.emit(event.at(EventKind.REFERRAL_ARRIVED, arrival));
        day.emit(event.at(EventKind.REFERRAL_TREATMENT_STARTED, arrival + 10 * MINUTE + random.nextInt(80 * 60)));
        return arrival;
    }

    private long complete(CountyDay day, ReferralEventJson event, Institution receiver, long at, TreatmentOutcome outcome) {
        event.outcome = outcome;
        event.dischargeSummaryRef = "ehr://" + receiver.id() + "/discharge-summaries/" + event.referralId;
        day.emit(event.at(EventKind.REFERRAL_COMPLETED, at));
        return at;
    }

    private void followUp(CountyDay day, ReferralEventJson event, Institution sender, long completedAt, double share) {
        SplittableRandom random = day.random;
        if (random.nextDouble() < share) {
            event.followedUpBy = sender.id();
            day.emit(event.at(EventKind.REFERRAL_FOLLOWED_UP, completedAt + 3 * DAY + random.nextInt(11 * 86_400)));
        }
    }

    private void visit(CountyDay day, Patient patient, Institution institution, Department clinic, Diagnosis diagnosis,
                       long at, String referralId) {
        SplittableRandom random = day.random;
        OutpatientVisitJson visit = day.visit;
        visit.institutionId = institution.id();
        visit.departmentId = clinic.id();
        visit.visitKind = VisitKind.OUTPATIENT;
        visit.pseudonyms = day.model.residents.pseudonyms();
        visit.residentIndex = patient.resident();
        visit.residenceDivision = day.model.residents.villageCode(patient.village());
        visit.diagnosis = diagnosis.code();
        visit.occurredAt = at;
        Tariffs.outpatient(visit.charges, institution.level(), false, random);
        visit.contractedFamilyDoctor = day.model.residents.contracted(patient.resident(), patient.band());
        visit.referralId = referralId;
        day.emit(visit);
        visit.referralId = null;
    }

    private static void slot(CountyDay day, EventKind kind, Institution receiver, Department department, long appointment,
                             long at) {
        SlotsJson slots = day.slots.as(kind);
        slots.institutionId = receiver.id();
        slots.departmentId = department.id();
        slots.sessionEpochDay = Math.floorDiv(appointment + 8 * HOUR, DAY);
        slots.period = SessionPeriod.AM;
        slots.expert = true;
        slots.channel = SlotChannel.REFERRAL;
        slots.count = 1;
        slots.occurredAt = at;
        day.emit(slots);
    }

    private static Institution sameLevelPeer(CareNetwork network, Institution institution, SplittableRandom random) {
        List<Institution> peers = switch (institution.level()) {
            case COUNTY -> List.of(network.neighbourCountyGeneral());
            case CITY -> network.cityHospitals();
            case PROVINCE -> network.provinceHospitals();
            default -> List.of();
        };
        for (int attempt = 0; attempt < 4 && !peers.isEmpty(); attempt++) {
            Institution peer = peers.get(random.nextInt(peers.size()));
            if (!peer.id().equals(institution.id())) {
                return peer;
            }
        }
        return null;
    }

    private static Urgency urgency(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.12 ? Urgency.EMERGENCY : u < 0.45 ? Urgency.URGENT : Urgency.ROUTINE;
    }

    private static List<ReferralCriterion> criteria(ReferralDirection direction, Urgency urgency, SplittableRandom random) {
        return switch (direction) {
            case UP -> urgency == Urgency.EMERGENCY
                    ? List.of(ReferralCriterion.CRITICAL_EMERGENCY, ReferralCriterion.BEYOND_LOCAL_CAPABILITY)
                    : random.nextBoolean()
                    ? List.of(ReferralCriterion.BEYOND_LOCAL_CAPABILITY)
                    : List.of(ReferralCriterion.NEEDS_HIGHER_LEVEL_TESTS, ReferralCriterion.BEYOND_LOCAL_CAPABILITY);
            case HORIZONTAL -> List.of(ReferralCriterion.OUTSIDE_LICENSED_SCOPE);
            case DOWN -> {
                double u = random.nextDouble();
                yield u < 0.4 ? List.of(ReferralCriterion.REHABILITATION, ReferralCriterion.DIAGNOSIS_CLEAR_CONDITION_STABLE)
                        : u < 0.7 ? List.of(ReferralCriterion.CHRONIC_LONG_TERM_CARE)
                        : List.of(ReferralCriterion.DIAGNOSIS_CLEAR_CONDITION_STABLE);
            }
        };
    }

    /** Emergencies come within hours; urgent referrals the next morning; routine ones within a week. */
    private static long appointment(Urgency urgency, long acceptedAt, SplittableRandom random) {
        return switch (urgency) {
            case EMERGENCY -> acceptedAt + 30 * MINUTE + random.nextInt(60 * 60);
            case URGENT -> nextClinicMorning(acceptedAt + 12 * HOUR, random);
            case ROUTINE -> nextClinicMorning(acceptedAt + DAY * (1 + random.nextInt(7)), random);
        };
    }

    /** 08:30–11:30 China Standard Time on the day of {@code notBefore}, or the next day if that has passed. */
    private static long nextClinicMorning(long notBefore, SplittableRandom random) {
        long localDay = Math.floorDiv(notBefore + 8 * HOUR, DAY);
        long morning = localDay * DAY - 8 * HOUR + 8 * HOUR + 30 * MINUTE + random.nextInt(3 * 3600);
        return morning >= notBefore ? morning : morning + DAY;
    }

    private static TreatmentOutcome outcome(DischargeMode mode, SplittableRandom random) {
        return switch (mode) {
            case ON_MEDICAL_ADVICE -> random.nextDouble() < 0.4 ? TreatmentOutcome.CURED : TreatmentOutcome.IMPROVED;
            case TRANSFERRED_TO_HOSPITAL -> TreatmentOutcome.TRANSFERRED_ONWARD;
            case TRANSFERRED_TO_PRIMARY_CARE -> TreatmentOutcome.IMPROVED;
            case DEATH -> TreatmentOutcome.DIED;
            case AGAINST_MEDICAL_ADVICE, OTHER -> TreatmentOutcome.UNCHANGED;
        };
    }
}
