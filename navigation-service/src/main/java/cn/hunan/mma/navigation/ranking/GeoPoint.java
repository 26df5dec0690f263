package cn.hunan.mma.navigation.ranking;

import java.math.BigDecimal;

/** A WGS-84 position in degrees. Distances are for ranking, so {@code double} precision is plenty. */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public static GeoPoint of(BigDecimal latitude, BigDecimal longitude) {
        return new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
    }

    /** Great-circle distance by the haversine formula. */
    public double kilometresTo(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLng = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
