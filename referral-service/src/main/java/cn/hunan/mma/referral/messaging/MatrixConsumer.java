package cn.hunan.mma.referral.messaging;

import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the matrix topics into {@link MatrixView}. Records the contract rejects never get here: they
 * go to the topics' dead-letter topics (see application.properties).
 */
@ApplicationScoped
public class MatrixConsumer {

    static final String INSTITUTIONS = "institutions";
    static final String GUIDANCE_CATALOGUE = "guidance-catalogue";

    private final MatrixView view;

    public MatrixConsumer(MatrixView view) {
        this.view = view;
    }

    @Incoming(INSTITUTIONS)
    public void institution(InstitutionSnapshot snapshot) {
        view.apply(snapshot);
    }

    @Incoming(GUIDANCE_CATALOGUE)
    public void catalogueEntry(GuidanceCatalogueEntry entry) {
        view.apply(entry);
    }
}
