package cn.hunan.mma.navigation.registry.domain;

import java.util.List;

/** What an import did: how many rows it inserted, updated, left alone and rejected, and why. */
public record ImportReport(int inserted, int updated, int unchanged, int rejected, List<RejectedRow> rejectedRows) {

    public ImportReport {
        rejectedRows = List.copyOf(rejectedRows);
        if (rejected != rejectedRows.size()) {
            throw new IllegalArgumentException("rejected count must match the rejected rows");
        }
    }
}
