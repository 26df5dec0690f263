package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.simulator.events.json.SupportMetricsJson;
import cn.hunan.mma.simulator.matrix.Institution;
import cn.hunan.mma.simulator.matrix.ServiceLine;
import cn.hunan.mma.simulator.random.Mix;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Capability and support figures (能力, 保障): township and higher institutions report the
 * previous month on the 5th; village clinics report each half year on 5 January and 5 July.
 * Staffing follows beds and clinic volume; whether an institution's information system is
 * connected and a township centre meets the capability standard are stable traits of it.
 */
final class SupportReports implements DailyWork {

    private final long seed;

    SupportReports(long seed) {
        this.seed = seed;
    }

    @Override
    public void run(CountyDay day) {
        LocalDate date = day.calendar.date(day.day);
        if (date.getDayOfMonth() != 5) {
            return;
        }
        LocalDate previous = date.minusMonths(1);
        Period month = Period.month(previous.getYear(), previous.getMonthValue());
        boolean halfYearEnd = date.getMonthValue() == 1 || date.getMonthValue() == 7;
        for (Institution institution : day.model.reporting) {
            if (institution.level() == Level.VILLAGE) {
                if (halfYearEnd) {
                    report(day, institution, month.enclosingHalfYear(), 6);
                }
            } else {
                report(day, institution, month, 1);
            }
        }
    }

    private void report(CountyDay day, Institution institution, Period period, int months) {
        SplittableRandom random = day.random;
        SupportMetricsJson support = day.support;
        int staff = switch (institution.level()) {
            case VILLAGE -> 1 + (int) Math.min(3, institution.servedPopulation() / 1500);
            case TOWNSHIP -> 12 + (int) Math.round(institution.beds() * 0.9 + institution.dailySlots() * 0.15);
            default -> (int) Math.round(institution.beds() * 1.5 + institution.dailySlots() * 0.08);
        };
        support.institutionId = institution.id();
        support.period = period.toString();
        support.staffTotal = staff;
        support.physicians = Math.max(1, (int) Math.round(staff * (institution.level() == Level.VILLAGE ? 0.9 : 0.33)));
        support.nurses = institution.level() == Level.VILLAGE ? 0 : (int) Math.round(staff * 0.42);
        support.physiciansPer1000Hundredths = Math.round(support.physicians * 100_000.0 / Math.max(1, institution.servedPopulation()));
        double monthlyFundingYuan = switch (institution.level()) {
            case VILLAGE -> 1_500;
            case TOWNSHIP -> 60_000 + staff * 6_000;
            case COUNTY -> 800_000 + staff * 2_000;
            case CITY -> 3_000_000;
            case PROVINCE -> 8_000_000;
        };
        support.fundingFen = Math.round(monthlyFundingYuan * months * (0.8 + 0.4 * random.nextDouble())) * 100;
        support.informationSystemConnected = trait(institution, 1) < 0.92;
        support.seniorPhysiciansSeconded = institution.level() == Level.TOWNSHIP || institution.level() == Level.COUNTY
                ? random.nextInt(4) : 0;
        support.townshipCapabilityStandardMet = institution.level() == Level.TOWNSHIP && trait(institution, 2) < 0.6;
        support.sharedCentreServiceVolume = institution.level() == Level.COUNTY && institution.has(ServiceLine.CARDIOLOGY)
                ? (2_000 + random.nextInt(6_000)) * months : 0;
        support.occurredAt = day.at(10 * 3600 + random.nextInt(6 * 3600));
        day.emit(support);
    }

    private double trait(Institution institution, int which) {
        return Mix.unit(Mix.hash(Mix.hash(seed, institution.id()), which));
    }
}
