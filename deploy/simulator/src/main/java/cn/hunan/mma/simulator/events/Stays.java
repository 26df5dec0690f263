package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.DrgCatalogue;
import cn.hunan.mma.simulator.events.clinical.Tariffs;
import cn.hunan.mma.simulator.events.json.InpatientAdmittedJson;
import cn.hunan.mma.simulator.events.json.InpatientDischargedJson;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.reference.AgeBand;
import cn.hunan.mma.simulator.reference.DrgGroup;

import java.util.SplittableRandom;

/**
 * Plans a whole inpatient stay when the patient is admitted: the DRG group, length of stay,
 * bill and how it ends. The admission is emitted at once; the discharge is written now and
 * delivered on its day. A stay that ends with discharge mode 3 (transferred to a community or
 * township centre) gets an episode id on both reports, ready for the downward referral.
 */
final class Stays {

    private static final long CST_OFFSET = 8 * 3600;

    private final DrgCatalogue drgs;

    Stays(DrgCatalogue drgs) {
        this.drgs = drgs;
    }

    /**
     * @param referralId        the referral that brought the patient, or null
     * @param episodeId         the episode the stay continues, or null
     * @param allowDownward     whether the stay may end in a downward referral
     */
    void admit(CountyDay day, Patient patient, Institution institution, Department ward, Diagnosis diagnosis,
               long admittedAt, String referralId, String episodeId, boolean allowDownward) {
        SplittableRandom random = day.random;
        Level level = institution.level();
        boolean surgical = random.nextDouble() < diagnosis.group().surgicalShare() * (level == Level.TOWNSHIP ? 0.4 : 1);
        DrgGroup drg = drgs.choose(diagnosis.mdc(), surgical, level, random);
        double weight = drg.relativeWeight().doubleValue();
        int lengthOfStay = Tariffs.lengthOfStay(weight, level, random);
        DischargeMode mode = dischargeMode(level, weight, patient.band(), allowDownward, random);
        String episode = episodeId == null && mode == DischargeMode.TRANSFERRED_TO_PRIMARY_CARE ? day.nextEpisodeId() : episodeId;
        String residence = day.model.residents.villageCode(patient.village());

        InpatientAdmittedJson admitted = day.admitted;
        admitted.institutionId = institution.id();
        admitted.departmentId = ward.id();
        admitted.pseudonyms = day.model.residents.pseudonyms();
        admitted.residentIndex = patient.resident();
        admitted.residenceDivision = residence;
        admitted.admittingDiagnosis = diagnosis.code();
        admitted.occurredAt = admittedAt;
        admitted.referralId = referralId;
        admitted.episodeId = episode;
        day.emit(admitted);

        long admissionDay = Math.floorDiv(admittedAt + CST_OFFSET, 86_400);
        long dischargeDay = admissionDay + lengthOfStay;
        long dischargeAt = dischargeDay * 86_400 - CST_OFFSET + SimulationCalendar.dischargeSecond(random);
        InpatientDischargedJson discharged = day.discharged;
        discharged.institutionId = institution.id();
        discharged.departmentId = ward.id();
        discharged.pseudonyms = day.model.residents.pseudonyms();
        discharged.residentIndex = patient.resident();
        discharged.residenceDivision = residence;
        discharged.insuredAreaDivision = day.model.countyCode;
        discharged.principalDiagnosis = diagnosis.code();
        discharged.clearProcedures();
        int count = drgs.procedures(drg, random, day.procedures);
        for (int i = 0; i < count; i++) {
            discharged.addProcedure(day.procedures[i]);
        }
        discharged.drgGroup = drg.code();
        boolean outsideInsuredCity = !institution.prefectureCode().equals(day.model.prefectureCode);
        Tariffs.inpatient(discharged.charges, weight, level, outsideInsuredCity, referralId != null && episodeId != null, random);
        discharged.dischargeMode = mode;
        discharged.admissionEpochDay = admissionDay;
        discharged.dischargeEpochDay = dischargeDay;
        discharged.occurredAt = dischargeAt;
        discharged.episodeId = episode;
        day.emit(discharged);

        day.lastAdmittedAt = admittedAt;
        day.lastDischargeAt = dischargeAt;
        day.lastDischargeMode = mode;
        day.lastEpisodeId = episode;
    }

    /**
     * Most patients go home on advice; a few are moved to another hospital, leave against advice
     * or die (more often after heavy DRGs and in old age); county and higher hospitals send a
     * few percent down to primary care (mode 3).
     */
    private static DischargeMode dischargeMode(Level level, double weight, int band, boolean allowDownward,
                                               SplittableRandom random) {
        double down = !allowDownward ? 0 : switch (level) {
            case COUNTY -> 0.03;
            case CITY -> 0.05;
            case PROVINCE -> 0.06;
            default -> 0;
        };
        double death = Math.min(0.05, 0.004 * Math.sqrt(weight) * (AgeBand.of(band).isElderly() ? 2 : 1));
        double u = random.nextDouble();
        if (u < down) {
            return DischargeMode.TRANSFERRED_TO_PRIMARY_CARE;
        }
        u -= down;
        if (u < death) {
            return DischargeMode.DEATH;
        }
        u -= death;
        if (u < 0.015) {
            return DischargeMode.TRANSFERRED_TO_HOSPITAL;
        }
        if (u < 0.045) {
            return DischargeMode.AGAINST_MEDICAL_ADVICE;
        }
        return u < 0.06 ? DischargeMode.OTHER : DischargeMode.ON_MEDICAL_ADVICE;
    }
}
