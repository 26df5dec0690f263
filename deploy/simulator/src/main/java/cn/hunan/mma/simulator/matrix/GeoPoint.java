package cn.hunan.mma.simulator.matrix;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** A place in WGS-84 degrees, kept to 0.0001° (about 11 m) so output is stable text. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        latitude = round4(latitude);
        longitude = round4(longitude);
    }

    /** A point up to {@code degrees} away on each axis, e.g. a township around its county seat. */
    public GeoPoint near(SplittableRandom random, double degrees) {
        return new GeoPoint(latitude + (random.nextDouble() * 2 - 1) * degrees,
                longitude + (random.nextDouble() * 2 - 1) * degrees);
    }

    public double kilometresTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    public BigDecimal latitudeDecimal() {
        return BigDecimal.valueOf(latitude).setScale(4, RoundingMode.HALF_UP);
    }

    public BigDecimal longitudeDecimal() {
        return BigDecimal.valueOf(longitude).setScale(4, RoundingMode.HALF_UP);
    }

    private static double round4(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
