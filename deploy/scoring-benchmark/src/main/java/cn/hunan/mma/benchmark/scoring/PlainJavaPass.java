package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.scoring.streams.ScorerParts;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ceiling: one thread, no Kafka — read the event file, decode and attribute each line with the scorer's own code,
 * apply the ledger rule, add to the totals. What is left when every broker hop, store and commit is taken away.
 */
public final class PlainJavaPass {

    /** @param lines every line of the file; {@code rejected} would have gone to a dead-letter topic */
    public record Result(long lines, long rejected, TotalsTable totals) {
    }

    private PlainJavaPass() {
    }

    public static Result run(Path events, ScorerParts parts) {
        TotalsTable totals = new TotalsTable(parts.measureIds().size());
        Map<String, byte[]> entries = new HashMap<>();
        LedgerRule.Entries ledger = new LedgerRule.Entries() {
            @Override
            public byte[] get(String eventId) {
                return entries.get(eventId);
            }

            @Override
            public void put(String eventId, byte[] entry) {
                entries.put(eventId, entry);
            }
        };
        LedgerRule.Counter counter = (contribution, sign) -> ScorerParts.forEachScope(contribution, sign,
                (key, measures, amounts, s, eventId) -> totals.add(key, measures, amounts, s));
        long lines = 0;
        long rejected = 0;
        try (EventFileReader reader = new EventFileReader(events)) {
            for (EventLine line = reader.next(); line != null; line = reader.next()) {
                lines++;
                ContractRecord record = parts.decode(line.topic(), line.key().getBytes(StandardCharsets.UTF_8), line.value());
                if (record == null) {
                    rejected++;
                    continue;
                }
                ScorerParts.Attributed attributed = parts.attribute(record);
                // The scorer sends the arrival before the word to the id it corrects; both go to the id's ledger entry.
                LedgerRule.arrive(ledger, attributed.eventId(), attributed.replaceable(), attributed.contribution(), counter);
                if (attributed.correctsEventId() != null) {
                    LedgerRule.supersede(ledger, attributed.correctsEventId(), counter);
                }
            }
        }
        return new Result(lines, rejected, totals);
    }
}
