package cn.hunan.mma.navigation.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Same-city, same-level departments of the same specialty with live slot figures, among the
 * prospects of one request: the groups across which load is spread. A department without such
 * peers has no load term. Each group's size and busiest ratio are kept as they are joined, so
 * looking a prospect's group up is constant time however large it is.
 *
 * <p>Reused by its thread from one request to the next ({@link #clear}): a request joins every
 * live prospect near the patient, and a map entry and a record per prospect were a measurable
 * part of what an answer allocated.
 */
final class LoadPeers {

    private final Map<Offering.PeerGroup, Integer> groups = new HashMap<>();
    private int[] sizes = new int[16];
    private double[] busiestRatios = new double[16];

    void clear() {
        groups.clear();
    }

    /** Counts a live department with its load in its group; returns the group's number. */
    int join(Offering.PeerGroup group, double ratio) {
        Integer known = groups.get(group);
        int number;
        if (known == null) {
            number = groups.size();
            if (number == sizes.length) {
                sizes = Arrays.copyOf(sizes, number * 2);
                busiestRatios = Arrays.copyOf(busiestRatios, number * 2);
            }
            groups.put(group, number);
            sizes[number] = 0;
            busiestRatios[number] = Double.NEGATIVE_INFINITY;
        } else {
            number = known;
        }
        sizes[number]++;
        busiestRatios[number] = Math.max(busiestRatios[number], ratio);
        return number;
    }

    /** How many live departments the group has; load is spread only among two or more. */
    int peers(int group) {
        return sizes[group];
    }

    double busiestRatio(int group) {
        return busiestRatios[group];
    }
}
