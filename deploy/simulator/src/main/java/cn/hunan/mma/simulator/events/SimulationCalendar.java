package cn.hunan.mma.simulator.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The days of a run in China Standard Time, how busy each is, and when in the day things happen.
 * Clinics are busiest on Monday, quiet at weekends, in the Spring Festival week and the National
 * Day holiday, and a little busier in winter. Day factors are normalised over their calendar
 * year, so a whole year carries exactly the annual rates.
 */
final class SimulationCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long CST_OFFSET_SECONDS = 8 * 3600;

    /** 春节 (lunar new year) of the years a run is likely to cover. */
    private static final Set<LocalDate> SPRING_FESTIVALS = Set.of(
            LocalDate.of(2023, 1, 22), LocalDate.of(2024, 2, 10), LocalDate.of(2025, 1, 29),
            LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6));
    private static final double[] MONTH_FACTORS = {1.08, 0.95, 1.02, 1.0, 0.98, 0.97, 0.98, 0.97, 0.99, 0.96, 1.02, 1.08};

    private final LocalDate first;
    private final int days;
    private final Map<Integer, double[]> yearMeans = new HashMap<>();

    SimulationCalendar(LocalDate first, int days) {
        this.first = first;
        this.days = days;
        for (int d = 0; d < days; d++) {
            yearMeans.computeIfAbsent(first.plusDays(d).getYear(), SimulationCalendar::yearMeans);
        }
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return first.plusDays(day);
    }

    long epochDay(int day) {
        return first.toEpochDay() + day;
    }

    /** Midnight China Standard Time, as epoch seconds. */
    long dayStart(int day) {
        return epochDay(day) * 86_400 - CST_OFFSET_SECONDS;
    }

    /** How busy outpatient clinics are today relative to the year's average day. */
    double visitFactor(int day) {
        LocalDate date = date(day);
        return visitRaw(date) / yearMeans.get(date.getYear())[0];
    }

    /** The same for admissions, which weekends and holidays affect less. */
    double admissionFactor(int day) {
        LocalDate date = date(day);
        return admissionRaw(date) / yearMeans.get(date.getYear())[1];
    }

    /** The same for office work (contracts, follow-ups): weekdays only, holidays off. */
    double officeFactor(int day) {
        LocalDate date = date(day);
        return officeRaw(date) / yearMeans.get(date.getYear())[2];
    }

    boolean isWeekday(int day) {
        DayOfWeek dayOfWeek = date(day).getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    /** Outpatient arrivals: mostly mornings, then afternoons, a few evening clinics. */
    static int clinicSecond(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.62) {
            return 8 * 3600 + random.nextInt(4 * 3600);
        }
        return u < 0.95 ? 14 * 3600 + random.nextInt(12_600) : 18 * 3600 + random.nextInt(3 * 3600);
    }

    /** Emergencies at any hour, fewer at night. */
    static int emergencySecond(SplittableRandom random) {
        return random.nextDouble() < 0.7 ? 8 * 3600 + random.nextInt(14 * 3600) : (22 * 3600 + random.nextInt(10 * 3600)) % 86_400;
    }

    static int officeSecond(SplittableRandom random) {
        return 8 * 3600 + 1800 + random.nextInt(9 * 3600);
    }

    static int admissionSecond(SplittableRandom random) {
        return random.nextDouble() < 0.85 ? 8 * 3600 + random.nextInt(10 * 3600) : random.nextInt(86_400);
    }

    static int dischargeSecond(SplittableRandom random) {
        return random.nextDouble() < 0.8 ? 9 * 3600 + random.nextInt(3 * 3600) : 14 * 3600 + random.nextInt(3 * 3600);
    }

    private static double[] yearMeans(int year) {
        LocalDate date = LocalDate.of(year, 1, 1);
        double visits = 0;
        double admissions = 0;
        double office = 0;
        int count = 0;
        while (date.getYear() == year) {
            visits += visitRaw(date);
            admissions += admissionRaw(date);
            office += officeRaw(date);
            count++;
            date = date.plusDays(1);
        }
        return new double[] {visits / count, admissions / count, office / count};
    }

    private static double visitRaw(LocalDate date) {
        double weekday = switch (date.getDayOfWeek()) {
            case MONDAY -> 1.15;
            case SATURDAY -> 0.8;
            case SUNDAY -> 0.7;
            default -> 1.08;
        };
        return weekday * MONTH_FACTORS[date.getMonthValue() - 1] * holiday(date, 0.5, 0.6);
    }

    private static double admissionRaw(LocalDate date) {
        double weekday = switch (date.getDayOfWeek()) {
            case SATURDAY -> 0.85;
            case SUNDAY -> 0.8;
            default -> 1.05;
        };
        return weekday * MONTH_FACTORS[date.getMonthValue() - 1] * holiday(date, 0.7, 0.8);
    }

    private static double officeRaw(LocalDate date) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? 0.2 : holiday(date, 0.1, 0.1);
    }

    /** Spring Festival week (eve to day 6) and National Day week slow everything down. */
    private static double holiday(LocalDate date, double springFestival, double nationalDay) {
        for (LocalDate festival : SPRING_FESTIVALS) {
            if (!date.isBefore(festival.minusDays(1)) && !date.isAfter(festival.plusDays(6))) {
                return springFestival;
            }
        }
        if (date.getMonth() == Month.OCTOBER && date.getDayOfMonth() <= 7) {
            return nationalDay;
        }
        return 1;
    }
}
