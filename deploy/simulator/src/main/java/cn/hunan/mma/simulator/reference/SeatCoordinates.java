package cn.hunan.mma.simulator.reference;

/** A prefecture's or county's seat (0.01° resolution), WGS-84 degrees. */
public record SeatCoordinates(String code, double latitude, double longitude) {

    /** Great-circle distance in kilometres (haversine); accurate enough for "near a city". */
    public double kilometresTo(SeatCoordinates other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
