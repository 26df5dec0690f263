package cn.hunan.mma.events.support;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.Period;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * States an institution's capability (能力) and support (保障) figures for a period; a later
 * report for the same period replaces it through {@code correctsEventId}.
 *
 * @param physiciansPer1000Residents      as the health commission computes it for the served population
 * @param fundingDelivered                government funding actually received in the period
 * @param seniorPhysiciansSeconded        senior physicians seconded here for six months or more
 * @param townshipCapabilityStandardMet   a township centre meeting the service-capability standard
 * @param sharedCentreServiceVolume       services done for others by shared centres (imaging, lab, ECG…)
 */
public record SupportMetricsReported(
        EventId eventId,
        Instant occurredAt,
        InstitutionId institutionId,
        Period period,
        int staffTotal,
        int physicians,
        int nurses,
        BigDecimal physiciansPer1000Residents,
        Money fundingDelivered,
        boolean informationSystemConnected,
        int seniorPhysiciansSeconded,
        boolean townshipCapabilityStandardMet,
        int sharedCentreServiceVolume,
        @OptionalField EventId correctsEventId) implements SupportEvent {

    public SupportMetricsReported {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(institutionId, "institutionId");
        Checks.present(period, "period");
        // Figures are reported for a period that has begun (since 2026-11-25 (4)): one not yet begun is a typo of its
        // year, and the scorer could not file it where its duplicates and corrections would find it.
        Checks.require(!period.start().isAfter(occurredAt), "period", "the period reported on must have begun by occurredAt");
        Checks.nonNegative(staffTotal, "staffTotal");
        Checks.nonNegative(physicians, "physicians");
        Checks.nonNegative(nurses, "nurses");
        Checks.require(physicians + nurses <= staffTotal, "staffTotal",
                "physicians and nurses are part of the staff total");
        physiciansPer1000Residents = Checks.scaled(physiciansPer1000Residents, "physiciansPer1000Residents", 2);
        Checks.require(physiciansPer1000Residents.signum() >= 0, "physiciansPer1000Residents",
                "physiciansPer1000Residents must not be negative");
        Checks.present(fundingDelivered, "fundingDelivered");
        Checks.nonNegative(seniorPhysiciansSeconded, "seniorPhysiciansSeconded");
        Checks.nonNegative(sharedCentreServiceVolume, "sharedCentreServiceVolume");
    }
}
