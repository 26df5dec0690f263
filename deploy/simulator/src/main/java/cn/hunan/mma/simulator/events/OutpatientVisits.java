package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.care.VisitKind;
import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.DiagnosisGroup;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.events.clinical.Tariffs;
import cn.hunan.mma.simulator.events.json.OutpatientVisitJson;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.ServiceLine;
import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.SplittableRandom;

/**
 * A day's outpatient and emergency visits of a county-level unit's residents: a Poisson count
 * from the day's expected volume, then for each visit a resident drawn by age band, a diagnosis
 * (hypertensive and diabetic residents often come for their condition), a level and an
 * institution. A few complex cases seen in primary care are referred up to a specialist clinic.
 */
final class OutpatientVisits implements DailyWork {

    /** Share of a hypertensive (diabetic) resident's visits that are for that condition. */
    private static final double HYPERTENSION_VISIT_SHARE = 0.30;
    private static final double DIABETES_VISIT_SHARE = 0.25;
    private static final double CONSULTATION_REFERRAL_SHARE = 0.012;

    private final DiseaseMix diseases;
    private final Referrals referrals;

    OutpatientVisits(DiseaseMix diseases, Referrals referrals) {
        this.diseases = diseases;
        this.referrals = referrals;
    }

    @Override
    public void run(CountyDay day) {
        int count = Draws.poisson(day.random, day.model.visitsPerDay * day.calendar.visitFactor(day.day));
        for (int i = 0; i < count; i++) {
            visit(day);
        }
    }

    private void visit(CountyDay day) {
        SplittableRandom random = day.random;
        Residents residents = day.model.residents;
        int band = day.model.visitBands.draw(random);
        long resident = residents.drawIn(band, random);
        int village = residents.villageOf(resident, band);
        boolean female = residents.female(resident);
        Diagnosis diagnosis = diagnosis(residents, resident, band, female, random);
        CareRouting routing = day.model.routing;
        Level level = routing.outpatientLevel(diagnosis, random);
        Institution institution = routing.institution(level, diagnosis, village, band, random);
        boolean emergency = switch (level) {
            case VILLAGE -> false;
            case TOWNSHIP -> random.nextDouble() < 0.02;
            default -> random.nextDouble() < 0.08;
        };
        ServiceLine line = emergency ? ServiceLine.EMERGENCY : CareRouting.lineFor(diagnosis, band);
        Department department = institution.departmentFor(line);
        long at = day.at(emergency ? SimulationCalendar.emergencySecond(random) : SimulationCalendar.clinicSecond(random));

        OutpatientVisitJson visit = day.visit;
        visit.institutionId = institution.id();
        visit.departmentId = department.id();
        visit.visitKind = emergency ? VisitKind.EMERGENCY : VisitKind.OUTPATIENT;
        visit.pseudonyms = residents.pseudonyms();
        visit.residentIndex = resident;
        visit.residenceDivision = residents.villageCode(village);
        visit.diagnosis = diagnosis.code();
        visit.occurredAt = at;
        Tariffs.outpatient(visit.charges, level, emergency, random);
        visit.contractedFamilyDoctor = residents.contracted(resident, band);
        visit.referralId = null;
        day.emit(visit);

        if (level.isAtOrBelow(Level.TOWNSHIP) && diagnosis.catalogueLevel().isAbove(Level.TOWNSHIP)
                && random.nextDouble() < CONSULTATION_REFERRAL_SHARE) {
            referrals.forConsultation(day, new Patient(resident, band, village, female), institution, department, diagnosis, at);
        }
    }

    private Diagnosis diagnosis(Residents residents, long resident, int band, boolean female, SplittableRandom random) {
        if (AgeBand.of(band).fromAge() >= 15) {
            double u = random.nextDouble();
            if (u < HYPERTENSION_VISIT_SHARE && residents.has(resident, band, ChronicCondition.HYPERTENSION)) {
                return diseases.of(DiagnosisGroup.HYPERTENSION, random);
            }
            if (u >= HYPERTENSION_VISIT_SHARE && u < HYPERTENSION_VISIT_SHARE + DIABETES_VISIT_SHARE
                    && residents.has(resident, band, ChronicCondition.DIABETES)) {
                return diseases.of(DiagnosisGroup.DIABETES, random);
            }
        }
        return diseases.outpatient(band, female, random);
    }
}
