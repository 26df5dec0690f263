package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.simulator.random.Draws;
import cn.hunan.mma.simulator.random.Seeds;
import cn.hunan.mma.simulator.reference.CountyCensus;
import cn.hunan.mma.simulator.reference.Division;
import cn.hunan.mma.simulator.reference.ReferenceData;
import cn.hunan.mma.simulator.reference.SeatCoordinates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Places the census population on the real divisions. The census stops at counties, so below
 * that the split is synthetic: a county's urban residents go to its urban communities and the
 * rest to its villages, each in proportion to a random weight (0.6–1.4), rounded so every
 * county keeps its census total exactly.
 */
final class GeographyBuilder {

    /** Streets sit in town; townships spread over the county (about ±25 km); villages around their township. */
    private static final double STREET_SPREAD_DEGREES = 0.03;
    private static final double TOWNSHIP_SPREAD_DEGREES = 0.22;
    private static final double VILLAGE_SPREAD_DEGREES = 0.03;
    private static final double ZONE_SPREAD_DEGREES = 0.06;

    private final ReferenceData reference;
    private final long seed;

    GeographyBuilder(ReferenceData reference, long seed) {
        this.reference = reference;
        this.seed = seed;
    }

    Geography build() {
        Map<String, List<Division>> children = new LinkedHashMap<>();
        for (Division division : reference.divisions()) {
            children.computeIfAbsent(division.parentCode(), key -> new ArrayList<>()).add(division);
        }
        for (Division village : reference.villages()) {
            children.computeIfAbsent(village.parentCode(), key -> new ArrayList<>()).add(village);
        }
        Division province = children.get("").get(0);
        List<Prefecture> prefectures = new ArrayList<>();
        for (Division prefecture : children.getOrDefault(province.code(), List.of())) {
            GeoPoint seat = seat(prefecture.code()).orElseThrow();
            List<County> counties = new ArrayList<>();
            for (Division county : children.getOrDefault(prefecture.code(), List.of())) {
                CountyCensus census = reference.census().get(county.code());
                if (census != null && census.population() > 0) {
                    counties.add(county(county, census, seat, children));
                }
            }
            prefectures.add(new Prefecture(prefecture.code(), prefecture.name(), seat, counties));
        }
        return new Geography(seat("430100").orElseThrow(), prefectures);
    }

    private County county(Division county, CountyCensus census, GeoPoint prefectureSeat, Map<String, List<Division>> children) {
        SplittableRandom random = Seeds.stream(seed, "geography", county.code());
        GeoPoint seat = seat(county.code()).orElseGet(() -> prefectureSeat.near(random, ZONE_SPREAD_DEGREES));
        List<Division> townships = children.getOrDefault(county.code(), List.of());
        List<Division> villages = new ArrayList<>();
        for (Division township : townships) {
            villages.addAll(children.getOrDefault(township.code(), List.of()));
        }
        int[] populations = allocate(census, villages, random);
        List<Township> result = new ArrayList<>();
        int next = 0;
        for (Division township : townships) {
            GeoPoint centre = seat.near(random, township.isStreet() ? STREET_SPREAD_DEGREES : TOWNSHIP_SPREAD_DEGREES);
            List<Village> own = new ArrayList<>();
            for (Division village : children.getOrDefault(township.code(), List.of())) {
                own.add(new Village(village.code(), village.name(), village.isUrbanCommunity(), populations[next++],
                        centre.near(random, VILLAGE_SPREAD_DEGREES)));
            }
            if (!own.isEmpty()) {
                result.add(new Township(township.code(), township.name(), township.isStreet(), centre, own));
            }
        }
        return new County(county.code(), county.name(), county.parentCode(), CountyKind.of(county.name(), county.formal()),
                census.population(), census.urbanShare(), census.ageBandShares(), seat, result);
    }

    /** Residents per village, summing to the census total (largest-remainder rounding). */
    private static int[] allocate(CountyCensus census, List<Division> villages, SplittableRandom random) {
        int n = villages.size();
        if (n == 0) {
            throw new IllegalStateException("county " + census.code() + " has residents but no villages to place them in");
        }
        double[] weights = new double[n];
        double urbanWeight = 0;
        double ruralWeight = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Draws.jitter(random, 0.4);
            if (villages.get(i).isUrbanCommunity()) {
                urbanWeight += weights[i];
            } else {
                ruralWeight += weights[i];
            }
        }
        double urbanShare = urbanWeight == 0 ? 0 : ruralWeight == 0 ? 1 : census.urbanShare();
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            boolean urban = villages.get(i).isUrbanCommunity();
            double pool = census.population() * (urban ? urbanShare : 1 - urbanShare);
            exact[i] = pool * weights[i] / (urban ? urbanWeight : ruralWeight);
        }
        return largestRemainder(exact, census.population());
    }

    static int[] largestRemainder(double[] exact, long total) {
        int n = exact.length;
        int[] whole = new int[n];
        long assigned = 0;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            whole[i] = (int) Math.floor(exact[i]);
            assigned += whole[i];
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = Double.compare(exact[b] - whole[b], exact[a] - whole[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; assigned < total; k = (k + 1) % n) {
            whole[order[k]]++;
            assigned++;
        }
        return whole;
    }

    private Optional<GeoPoint> seat(String code) {
        return reference.seat(code).map(GeographyBuilder::point);
    }

    private static GeoPoint point(SeatCoordinates seat) {
        return new GeoPoint(seat.latitude(), seat.longitude());
    }
}
