package cn.hunan.mma.settlement.rest;

import cn.hunan.mma.settlement.domain.alliance.PeriodMakeup;
import cn.hunan.mma.settlement.rules.distribution.TertiaryPartner;
import cn.hunan.mma.events.value.InstitutionId;
import jakarta.ws.rs.BadRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tertiary hospitals a close shares the tertiary pool with: the request's, each of which must have collaborated
 * with the alliance during the period where the matrix says who did, or — when the request names none — every one that
 * did. Each comes with its kept-in-area cases as the request gives them, or to be worked out by the service.
 *
 * @param counts  each partner's kept-in-area cases in the request's order (the matrix's: by id); null where the service
 *                works them out
 * @param namedBy {@code matrix} when the request named no partners, else {@code request}
 */
record ClosingPartners(Map<String, Long> counts, String namedBy) {

    static ClosingPartners resolve(List<CloseRequest.Partner> requested, String allianceId, String period, PeriodMakeup makeup) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (requested == null) {
            Set<String> collaborating = makeup.tertiaryIds().orElseThrow(() -> new BadRequestException("tertiaryPartners: "
                    + "required, since the make-up of " + allianceId + " in force in " + period + " was kept before this "
                    + "service recorded tertiary hospitals; give [] for none"));
            collaborating.forEach(id -> counts.put(id, null));
            return new ClosingPartners(counts, ClosingMembers.MATRIX);
        }
        Set<String> named = new HashSet<>();
        for (CloseRequest.Partner partner : requested) {
            if (partner == null || partner.institutionId() == null) {
                throw new BadRequestException("tertiaryPartners: every partner needs an institutionId");
            }
            String id = partner.institutionId().value();
            if (!named.add(id)) {
                throw new BadRequestException("tertiaryPartners: " + id + " is named twice");
            }
            makeup.tertiaryIds().filter(collaborating -> !collaborating.contains(id)).ifPresent(collaborating -> {
                throw new BadRequestException("tertiaryPartners: " + id + " did not collaborate with " + allianceId + " during "
                        + period + " as the matrix states it (its tertiary hospitals: "
                        + (collaborating.isEmpty() ? "none" : String.join(", ", collaborating)) + ")");
            });
            if (partner.keptInAreaCases() != null && partner.keptInAreaCases() < 0) {
                throw new BadRequestException("tertiaryPartners: " + id + "'s keptInAreaCases must not be negative");
            }
            counts.put(id, partner.keptInAreaCases());
        }
        return new ClosingPartners(counts, ClosingMembers.REQUEST);
    }

    /** Every partner of the close. */
    List<String> ids() {
        return List.copyOf(counts.keySet());
    }

    /** The partners whose kept-in-area cases the service works out. */
    List<String> toDerive() {
        return counts.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /** The partners as the snapshot freezes them, with the worked-out counts in place of the missing ones. */
    List<TertiaryPartner> frozen(Map<String, Long> derived) {
        List<TertiaryPartner> partners = new ArrayList<>();
        counts.forEach((id, given) -> partners.add(new TertiaryPartner(InstitutionId.of(id), given != null ? given : derived.get(id))));
        return partners;
    }
}
