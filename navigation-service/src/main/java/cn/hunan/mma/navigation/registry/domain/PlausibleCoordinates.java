package cn.hunan.mma.navigation.registry.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where an institution of this registry can stand: in Hunan. The box is the province's extent (24°38′–30°08′ N,
 * 108°47′–114°15′ E) widened by about 0.1° (≈ 11 km) for survey error; the 135 county seats of
 * {@code hunan_county_coords.csv} (shared data, 25.18–29.63 N, 109.17–113.93 E) and the 31,993 institutions of the
 * simulator's Hunan matrix (seed 42: 24.95–29.86 N, 108.93–114.18 E) all lie inside. A box, not the border: it
 * refuses what is plainly wrong — a swapped pair, 0/0, a dropped sign or digit — not a hospital in the wrong county.
 * The recommender measures distances from these figures, so a wrong one moves a hospital to the other end of the map.
 */
public final class PlausibleCoordinates {

    static final BigDecimal MIN_LATITUDE = new BigDecimal("24.50");
    static final BigDecimal MAX_LATITUDE = new BigDecimal("30.25");
    static final BigDecimal MIN_LONGITUDE = new BigDecimal("108.65");
    static final BigDecimal MAX_LONGITUDE = new BigDecimal("114.35");

    private PlausibleCoordinates() {
    }

    /**
     * Why the stated pair cannot be where a Hunan institution stands, if it cannot: a pair that lies in Hunan read the
     * other way round is named as swapped (the usual slip: 112.9, 28.2). Absent coordinates (not surveyed) are fine;
     * one without the other is the contract's to refuse. Messages never repeat the figures.
     */
    public static Optional<RuleViolation> problem(BigDecimal latitude, BigDecimal longitude) {
        if (latitude == null || longitude == null || inHunan(latitude, longitude)) {
            return Optional.empty();
        }
        if (inHunan(longitude, latitude)) {
            return Optional.of(new RuleViolation("latitude", MatrixRules.IMPLAUSIBLE_COORDINATES,
                    "latitude and longitude look swapped: read the other way round they are in Hunan; latitude is the "
                            + "north–south figure (" + range(MIN_LATITUDE, MAX_LATITUDE) + "), longitude the east–west one ("
                            + range(MIN_LONGITUDE, MAX_LONGITUDE) + ")"));
        }
        if (!within(latitude, MIN_LATITUDE, MAX_LATITUDE)) {
            return Optional.of(new RuleViolation("latitude", MatrixRules.IMPLAUSIBLE_COORDINATES,
                    "latitude must be in Hunan, " + range(MIN_LATITUDE, MAX_LATITUDE) + " degrees north"));
        }
        return Optional.of(new RuleViolation("longitude", MatrixRules.IMPLAUSIBLE_COORDINATES,
                "longitude must be in Hunan, " + range(MIN_LONGITUDE, MAX_LONGITUDE) + " degrees east"));
    }

    /**
     * Whether a point lies in this box: the recommender takes patients' coordinates in the same box it registers
     * institutions in, so a patient is never refused where a hospital may stand (新晃 reaches 108°47′ E).
     */
    public static boolean inHunan(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude)
                && inHunan(BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude));
    }

    /** The box, for messages: "24.50–30.25° N, 108.65–114.35° E". */
    public static String extent() {
        return range(MIN_LATITUDE, MAX_LATITUDE) + "° N, " + range(MIN_LONGITUDE, MAX_LONGITUDE) + "° E";
    }

    private static boolean inHunan(BigDecimal latitude, BigDecimal longitude) {
        return within(latitude, MIN_LATITUDE, MAX_LATITUDE) && within(longitude, MIN_LONGITUDE, MAX_LONGITUDE);
    }

    private static boolean within(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return min.toPlainString() + "–" + max.toPlainString();
    }
}
