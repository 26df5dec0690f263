package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.clinical.Diagnosis;
import cn.hunan.mma.simulator.events.clinical.DiseaseMix;
import cn.hunan.mma.simulator.events.population.Residents;
import cn.hunan.mma.simulator.matrix.Department;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.random.Draws;

import java.util.SplittableRandom;

/**
 * A day's admissions of a county-level unit's residents. Some arrive at county and higher
 * hospitals through a referral (planned from the request on); the rest are admitted directly.
 * Either way the whole stay is planned at once, and a stay ending in a transfer to primary care
 * starts a downward referral.
 */
final class Admissions implements DailyWork {

    private final DiseaseMix diseases;
    private final Stays stays;
    private final Referrals referrals;

    Admissions(DiseaseMix diseases, Stays stays, Referrals referrals) {
        this.diseases = diseases;
        this.stays = stays;
        this.referrals = referrals;
    }

    @Override
    public void run(CountyDay day) {
        int count = Draws.poisson(day.random, day.model.admissionsPerDay * day.calendar.admissionFactor(day.day));
        for (int i = 0; i < count; i++) {
            admit(day);
        }
    }

    private void admit(CountyDay day) {
        SplittableRandom random = day.random;
        Residents residents = day.model.residents;
        int band = day.model.admissionBands.draw(random);
        long resident = residents.drawIn(band, random);
        Patient patient = new Patient(resident, band, residents.villageOf(resident, band), residents.female(resident));
        Diagnosis diagnosis = diseases.inpatient(band, patient.female(), random);
        CareRouting routing = day.model.routing;
        Level level = routing.inpatientLevel(diagnosis, random);
        Institution hospital = routing.institution(level, diagnosis, patient.village(), band, random);
        if (hospital.beds() == 0) {
            hospital = routing.network().countyHospitals().get(0);
        }
        Department ward = hospital.wardFor(CareRouting.lineFor(diagnosis, band));
        // Referrals bring mostly what the sender cannot treat; a few bring what the catalogue says it could.
        double complexity = diagnosis.catalogueLevel().isAbove(Level.TOWNSHIP) ? 1.3 : 0.3;
        if (random.nextDouble() < referredShare(hospital.level()) * complexity) {
            referrals.forAdmission(day, patient, hospital, ward, diagnosis);
            return;
        }
        stays.admit(day, patient, hospital, ward, diagnosis, day.at(SimulationCalendar.admissionSecond(random)),
                null, null, true);
        referrals.afterDischarge(day, patient, hospital, ward, diagnosis);
    }

    /** Share of a level's admissions that come through a referral from another institution. */
    private static double referredShare(Level level) {
        return switch (level) {
            case COUNTY -> 0.06;
            case CITY -> 0.10;
            case PROVINCE -> 0.12;
            default -> 0;
        };
    }
}
