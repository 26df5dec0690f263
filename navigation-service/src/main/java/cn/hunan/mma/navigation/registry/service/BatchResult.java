package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.navigation.registry.domain.ImportTally;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.domain.UpsertOutcome;

import java.util.ArrayList;
import java.util.List;

/** What one committed batch did; added to the import's tally only after the commit. */
final class BatchResult {

    private final List<UpsertOutcome> outcomes = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    void count(UpsertOutcome outcome) {
        outcomes.add(outcome);
    }

    void reject(RejectedRow row) {
        rejected.add(row);
    }

    void addTo(ImportTally tally) {
        outcomes.forEach(tally::count);
        tally.rejectAll(rejected);
    }
}
