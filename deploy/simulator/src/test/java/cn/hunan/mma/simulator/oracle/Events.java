package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.care.Charges;
import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.ReferralId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Care events for the tests, with defaults for everything a test does not care about. Ids and
 * pseudonyms derive from readable labels; times are China Standard Time wall-clock text.
 */
final class Events {

    private static final DepartmentId GENERAL_MEDICINE = DepartmentId.of("general-medicine");

    private Events() {
    }

    static EventId id(String label) {
        return EventId.of(UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stand-in pseudonym: the SHA-256 of a label, never an identity. */
    static PatientPseudonym patient(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("test patient " + label).getBytes(StandardCharsets.UTF_8));
            return PatientPseudonym.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "2025-06-30T23:30" read as China Standard Time. */
    static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Period.ZONE).toInstant();
    }

    static Money yuan(String amount) {
        return Money.ofYuan(amount);
    }

    static Visit visit(String label) {
        return new Visit(label);
    }

    static Admission admission(String label) {
        return new Admission(label);
    }

    static Discharge discharge(String label) {
        return new Discharge(label);
    }

    /** An outpatient visit: at the township centre by default, of a local resident, costing 50.00 of which the fund paid 30.00. */
    static final class Visit {
        private final EventId id;
        private InstitutionId at = SmallHunan.TOWNSHIP_CENTRE;
        private PatientPseudonym patient = patient("visitor");
        private DivisionCode residence = SmallHunan.XIANGTAN_COUNTY_TOWNSHIP;
        private Instant on = cst("2025-03-10T09:00");
        private Money total = yuan("50.00");
        private Money fundPaid = yuan("30.00");
        private String diagnosis = "J06.9";
        private boolean contracted;
        private EventId corrects;

        private Visit(String label) {
            this.id = id(label);
        }

        Visit at(InstitutionId institution) {
            this.at = institution;
            return this;
        }

        Visit of(PatientPseudonym who) {
            this.patient = who;
            return this;
        }

        Visit residentOf(DivisionCode division) {
            this.residence = division;
            return this;
        }

        Visit on(String cstDateTime) {
            return on(cst(cstDateTime));
        }

        Visit on(Instant instant) {
            this.on = instant;
            return this;
        }

        Visit costing(String totalYuan, String fundPaidYuan) {
            this.total = yuan(totalYuan);
            this.fundPaid = yuan(fundPaidYuan);
            return this;
        }

        Visit withContractedFamilyDoctor() {
            this.contracted = true;
            return this;
        }

        Visit correcting(String label) {
            this.corrects = id(label);
            return this;
        }

        OutpatientVisitRecorded build() {
            return new OutpatientVisitRecorded(id, on, at, GENERAL_MEDICINE, VisitKind.OUTPATIENT, patient, residence,
                    Icd10Code.of(diagnosis), new Charges(total, fundPaid, Money.ZERO), contracted, null, corrects);
        }
    }

    /** An admission: at the county hospital by default, of a local resident, for pneumonia. */
    static final class Admission {
        private final EventId id;
        private InstitutionId at = SmallHunan.COUNTY_HOSPITAL;
        private PatientPseudonym patient = patient("inpatient");
        private DivisionCode residence = SmallHunan.XIANGTAN_COUNTY_TOWNSHIP;
        private Instant on = cst("2025-03-01T10:00");
        private String diagnosis = "J18.900";
        private ReferralId referral;
        private EventId corrects;

        private Admission(String label) {
            this.id = id(label);
        }

        Admission at(InstitutionId institution) {
            this.at = institution;
            return this;
        }

        Admission of(PatientPseudonym who) {
            this.patient = who;
            return this;
        }

        Admission on(String cstDateTime) {
            this.on = cst(cstDateTime);
            return this;
        }

        Admission diagnosedWith(String icd10) {
            this.diagnosis = icd10;
            return this;
        }

        Admission throughReferral(String referralId) {
            this.referral = ReferralId.of(referralId);
            return this;
        }

        Admission correcting(String label) {
            this.corrects = id(label);
            return this;
        }

        InpatientAdmitted build() {
            return new InpatientAdmitted(id, on, at, GENERAL_MEDICINE, patient, residence, Icd10Code.of(diagnosis),
                    referral, null, corrects);
        }
    }

    /** A discharge on medical advice: from the county hospital by default, of a local resident, after 5 days, costing 6000.00 of which the fund paid 4000.00. */
    static final class Discharge {
        private final EventId id;
        private InstitutionId from = SmallHunan.COUNTY_HOSPITAL;
        private PatientPseudonym patient = patient("inpatient");
        private DivisionCode residence = SmallHunan.XIANGTAN_COUNTY_TOWNSHIP;
        private Instant on = cst("2025-03-06T10:00");
        private int lengthOfStayDays = 5;
        private Money total = yuan("6000.00");
        private Money fundPaid = yuan("4000.00");
        private DischargeMode mode = DischargeMode.ON_MEDICAL_ADVICE;
        private EpisodeId episode;
        private EventId corrects;

        private Discharge(String label) {
            this.id = id(label);
        }

        Discharge from(InstitutionId institution) {
            this.from = institution;
            return this;
        }

        Discharge of(PatientPseudonym who) {
            this.patient = who;
            return this;
        }

        Discharge residentOf(DivisionCode division) {
            this.residence = division;
            return this;
        }

        Discharge on(String cstDateTime) {
            this.on = cst(cstDateTime);
            return this;
        }

        Discharge after(int days) {
            this.lengthOfStayDays = days;
            return this;
        }

        Discharge costing(String totalYuan, String fundPaidYuan) {
            this.total = yuan(totalYuan);
            this.fundPaid = yuan(fundPaidYuan);
            return this;
        }

        Discharge mode(DischargeMode dischargeMode) {
            this.mode = dischargeMode;
            return this;
        }

        Discharge inEpisode(String episodeId) {
            this.episode = EpisodeId.of(episodeId);
            return this;
        }

        Discharge correcting(String label) {
            return correcting(id(label));
        }

        Discharge correcting(EventId corrected) {
            this.corrects = corrected;
            return this;
        }

        InpatientDischarged build() {
            var dischargeDate = on.atZone(Period.ZONE).toLocalDate();
            return new InpatientDischarged(id, on, from, GENERAL_MEDICINE, patient, residence, residence,
                    Icd10Code.of("J18.900"), List.of(), DrgCode.of("ES23"), new Charges(total, fundPaid, Money.ZERO),
                    mode, dischargeDate.minusDays(lengthOfStayDays), dischargeDate, lengthOfStayDays, episode, corrects);
        }
    }
}
