package cn.hunan.mma.simulator.matrix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What shapes a generated matrix besides the reference data.
 *
 * @param seed                  every random choice derives from it
 * @param villagesPerClinic     1: a clinic in every village; N: one clinic per N villages of a township
 * @param specialtyAlliances    how many specialty alliances to form (at most 25 specialties × 6 scopes)
 * @param asOf                  the {@code occurredAt} of every matrix record
 */
public record MatrixOptions(long seed, int villagesPerClinic, int specialtyAlliances, Instant asOf) {

    public static final int DEFAULT_SPECIALTY_ALLIANCES = 50;
    /** 2025-01-01 00:00 China Standard Time: the matrix is in place before a 2025 simulation starts. */
    public static final Instant DEFAULT_AS_OF = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();

    public MatrixOptions {
        if (villagesPerClinic < 1) {
            throw new IllegalArgumentException("villagesPerClinic must be at least 1");
        }
        if (specialtyAlliances < 0 || specialtyAlliances > AllianceFactory.MAX_SPECIALTY_ALLIANCES) {
            throw new IllegalArgumentException("specialtyAlliances must be 0.." + AllianceFactory.MAX_SPECIALTY_ALLIANCES);
        }
    }

    public static MatrixOptions defaults(long seed) {
        return new MatrixOptions(seed, 1, DEFAULT_SPECIALTY_ALLIANCES, DEFAULT_AS_OF);
    }
}
