package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.conduct.IncidentKind;
import cn.hunan.mma.simulator.events.json.ConductIncidentJson;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.random.Draws;

import java.util.SplittableRandom;

/**
 * Conduct (行风) incidents: about one complaint per 10,000 visits, plus violations and improper
 * charges. Each is recorded unverified; about a third are confirmed later by a correction with
 * {@code verified = true}, as the contract describes.
 */
final class ConductIncidents implements DailyWork {

    private static final double INCIDENTS_PER_SLOT = 1.2e-4;
    private static final long DAY = 86_400;

    @Override
    public void run(CountyDay day) {
        SplittableRandom random = day.random;
        for (Institution institution : day.model.reporting) {
            int count = Draws.poisson(random, institution.dailySlots() * INCIDENTS_PER_SLOT);
            for (int i = 0; i < count; i++) {
                record(day, institution, random);
            }
        }
    }

    private static void record(CountyDay day, Institution institution, SplittableRandom random) {
        ConductIncidentJson incident = day.incident;
        incident.institutionId = institution.id();
        double u = random.nextDouble();
        incident.incidentKind = u < 0.8 ? IncidentKind.COMPLAINT : u < 0.92 ? IncidentKind.VIOLATION : IncidentKind.IMPROPER_CHARGE;
        incident.verified = false;
        incident.amountFen = incident.incidentKind == IncidentKind.IMPROPER_CHARGE
                ? Math.round(Draws.logNormal(random, 1_500, 0.9) * 100) : -1;
        incident.occurredAt = day.at(SimulationCalendar.officeSecond(random));
        long serial = day.emit(incident);
        if (random.nextDouble() < 0.35) {
            incident.verified = true;
            incident.occurredAt += 3 * DAY + random.nextInt(27 * 86_400);
            day.emitCorrection(incident, serial);
        }
    }
}
