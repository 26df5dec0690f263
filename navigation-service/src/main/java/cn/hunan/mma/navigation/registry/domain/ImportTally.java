package cn.hunan.mma.navigation.registry.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts an import as it goes; not thread-safe (an import runs its batches one after another). */
public final class ImportTally {

    private final Map<UpsertOutcome, Integer> outcomes = new EnumMap<>(UpsertOutcome.class);
    private final List<RejectedRow> rejected = new ArrayList<>();

    public void count(UpsertOutcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    public void reject(RejectedRow row) {
        rejected.add(row);
    }

    public void rejectAll(List<RejectedRow> rows) {
        rejected.addAll(rows);
    }

    public ImportReport report() {
        return new ImportReport(outcomes.getOrDefault(UpsertOutcome.INSERTED, 0),
                outcomes.getOrDefault(UpsertOutcome.UPDATED, 0),
                outcomes.getOrDefault(UpsertOutcome.UNCHANGED, 0),
                rejected.size(), rejected);
    }
}
