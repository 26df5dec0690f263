package cn.hunan.mma.referral.messaging;

import cn.hunan.mma.events.value.AllianceId;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.referral.domain.GuidanceCatalogue;
import cn.hunan.mma.referral.domain.InstitutionProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The matrix as this service knows it: institutions (level, division, alliances) and the guidance
 * catalogue, in memory, fed from the compacted matrix topics. Each record is the latest state of its
 * entity, so the newest {@code occurredAt} wins and a replayed older snapshot changes nothing.
 */
@ApplicationScoped
public class MatrixView implements GuidanceCatalogue {

    private final Map<InstitutionId, InstitutionSnapshot> institutions = new ConcurrentHashMap<>();
    /** By ICD-10 prefix text, so a diagnosis finds its entries by lookups of its own prefixes. */
    private final Map<String, GuidanceCatalogueEntry> catalogue = new ConcurrentHashMap<>();

    public void apply(InstitutionSnapshot snapshot) {
        institutions.merge(snapshot.institutionId(), snapshot, MatrixView::newer);
    }

    public void apply(GuidanceCatalogueEntry entry) {
        catalogue.merge(entry.icd10Prefix().value(), entry, MatrixView::newer);
    }

    public Optional<InstitutionProfile> institution(InstitutionId id) {
        return Optional.ofNullable(institutions.get(id)).map(snapshot -> new InstitutionProfile(snapshot.institutionId(),
                snapshot.level(), snapshot.divisionCode(), new HashSet<>(snapshot.allianceIds()), snapshot.active()));
    }

    /** The alliances an institution belongs to, as alliance ids; none when the matrix does not know it. */
    public Set<String> alliancesOf(InstitutionId id) {
        InstitutionSnapshot snapshot = institutions.get(id);
        return snapshot == null ? Set.of()
                : snapshot.allianceIds().stream().map(AllianceId::value).collect(Collectors.toUnmodifiableSet());
    }

    /** The institutions whose latest snapshot lists the alliance: what an alliance operator's scope reaches. */
    public Set<String> membersOf(String allianceId) {
        AllianceId alliance = AllianceId.of(allianceId);
        return institutions.values().stream().filter(snapshot -> snapshot.allianceIds().contains(alliance))
                .map(snapshot -> snapshot.institutionId().value()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The most specific entry wins: E11.9 listed on its own overrides the E11 category. Asked on every
     * new referral, so it looks up the diagnosis's own prefixes, longest first (at most a dozen map
     * lookups), instead of scanning the whole catalogue.
     */
    @Override
    public Optional<Level> lowestInpatientLevel(Icd10Code diagnosis) {
        String code = diagnosis.value();
        for (int length = code.length(); length > 0; length--) {
            GuidanceCatalogueEntry entry = catalogue.get(code.substring(0, length));
            if (entry != null) {
                return Optional.of(entry.lowestInpatientLevel());
            }
        }
        return Optional.empty();
    }

    private static <T extends cn.hunan.mma.events.contract.ContractRecord> T newer(T current, T candidate) {
        return candidate.occurredAt().isBefore(current.occurredAt()) ? current : candidate;
    }
}
