package cn.hunan.mma.navigation.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Same-city, same-level departments of the same specialty with live slot figures, among the
 * prospects of one request: the groups across which load is spread. A department without such
 * peers has no load term. Each group's size and busiest ratio are worked out once, so looking a
 * prospect up is constant time however large its group.
 */
final class LoadPeers {

    /** A department's load against the busiest of its peers. */
    record PeerLoad(double ratio, double busiestRatio, int peers) {
    }

    private record Group(int size, double busiestRatio) {
        Group with(double ratio) {
            return new Group(size + 1, Math.max(busiestRatio, ratio));
        }
    }

    private static final Group EMPTY = new Group(0, Double.NEGATIVE_INFINITY);

    private final Map<Offering.PeerGroup, Group> groups = new HashMap<>();

    LoadPeers(List<Prospect> prospects) {
        for (Prospect prospect : prospects) {
            if (prospect.liveSlots().isPresent()) {
                groups.merge(prospect.peerGroup(), EMPTY.with(ratio(prospect)),
                        (group, one) -> group.with(one.busiestRatio()));
            }
        }
    }

    Optional<PeerLoad> of(Prospect prospect) {
        Group group = groups.getOrDefault(prospect.peerGroup(), EMPTY);
        if (group.size() < 2 || prospect.liveSlots().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeerLoad(ratio(prospect), group.busiestRatio(), group.size()));
    }

    private static double ratio(Prospect prospect) {
        return prospect.liveSlots().orElseThrow().loadRatio();
    }
}
