package cn.hunan.mma.navigation.ranking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Same-city, same-level departments of the same specialty with live slot figures: the groups
 * across which load is spread. A department without such peers has no load term.
 */
final class LoadPeers {

    /** A department's load against the busiest of its peers. */
    record PeerLoad(double ratio, double busiestRatio, int peers) {
    }

    private final Map<Prospect.PeerGroup, List<Prospect>> groups;

    LoadPeers(List<Prospect> prospects) {
        this.groups = prospects.stream()
                .filter(p -> p.liveSlots().isPresent())
                .collect(Collectors.groupingBy(Prospect::peerGroup));
    }

    Optional<PeerLoad> of(Prospect prospect) {
        List<Prospect> group = groups.getOrDefault(prospect.peerGroup(), List.of());
        if (group.size() < 2 || prospect.liveSlots().isEmpty()) {
            return Optional.empty();
        }
        double busiest = group.stream().mapToDouble(LoadPeers::ratio).max().orElseThrow();
        return Optional.of(new PeerLoad(ratio(prospect), busiest, group.size()));
    }

    private static double ratio(Prospect prospect) {
        return prospect.liveSlots().orElseThrow().loadRatio();
    }
}
