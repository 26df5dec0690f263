package cn.hunan.mma.settlement.messaging;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.settlement.service.GuidanceCatalogue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the guidance catalogue from the matrix topic: primary-level diseases are paid alike at every level. */
@ApplicationScoped
public class GuidanceCatalogueConsumer {

    public static final String GUIDANCE_CATALOGUE = "guidance-catalogue";

    private final GuidanceCatalogue catalogue;

    public GuidanceCatalogueConsumer(GuidanceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Incoming(GUIDANCE_CATALOGUE)
    public Uni<Void> entry(GuidanceCatalogueEntry entry) {
        return DatabaseOutages.retried(() -> catalogue.remember(entry), "storing guidance catalogue entry " + entry.icd10Prefix());
    }
}
