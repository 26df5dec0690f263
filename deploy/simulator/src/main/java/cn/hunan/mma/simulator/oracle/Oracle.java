package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.oracle.LineDecoder.Decoded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.CRC32C;

/**
 * The independent batch computation of the figures the scorer and settlement must reproduce:
 * one plain, single-threaded pass over an event file, sharing no aggregation code with them.
 *
 * <ol>
 *   <li>Every line is decoded as its topic's consumer would; accepted records go through the
 *       {@link DeliveryLedger} (first arrival wins, corrections replace) and those that count are
 *       added to monthly totals per scope.</li>
 *   <li>Records that were counted and later replaced by a correction are read again and taken
 *       out (only their lines are decoded a second time).</li>
 *   <li>Referral outcomes and readmissions, which depend on other records, are decided last.</li>
 * </ol>
 */
public final class Oracle {

    private final Clock decodeClock;

    /** @param decodeClock decides which {@code occurredAt} lie in the future (the codec dead-letters those) */
    public Oracle(Clock decodeClock) {
        this.decodeClock = decodeClock;
    }

    public OracleReport run(Path eventFile, Path matrixDirectory) {
        // One instant for both passes, so a record accepted in the first is accepted in the second.
        LineDecoder decoder = new LineDecoder(ContractCodec.withClock(Clock.fixed(decodeClock.instant(), decodeClock.getZone())));
        Scopes scopes = new Scopes();
        MatrixView matrix = MatrixView.load(matrixDirectory, scopes);
        DeliveryStats stats = new DeliveryStats();
        DeliveryLedger ledger = new DeliveryLedger(stats);
        Counters counters = new Counters();
        Accounting accounting = new Accounting(matrix, counters, stats);

        countEveryLine(eventFile, decoder, ledger, accounting, stats);
        retractReplacedRecords(eventFile, decoder, ledger.linesToRetract(), accounting);
        ledger.finish();
        accounting.finish(ledger);

        OracleReport.MatrixSummary summary = new OracleReport.MatrixSummary(
                matrix.institutionCount(), matrix.allianceCount(), matrix.catalogue().size());
        return new OracleReport(eventFile.getFileName().toString(), summary, stats, scopes, counters);
    }

    private static void countEveryLine(Path eventFile, LineDecoder decoder, DeliveryLedger ledger,
                                       Accounting accounting, DeliveryStats stats) {
        try (EventFileReader reader = new EventFileReader(eventFile)) {
            for (EventLine line = reader.next(); line != null; line = reader.next()) {
                stats.lineRead(line.topic());
                Decoded decoded = decoder.decode(line);
                switch (decoded.fate()) {
                    case UNKNOWN_TOPIC -> stats.unknownTopic();
                    case NOT_AGGREGATED -> stats.notAggregated();
                    case DEAD_LETTERED -> stats.deadLettered(decoded.reason());
                    case ACCEPTED -> {
                        DeliveryLedger.Admission admission =
                                ledger.admit(decoded.record(), reader.lineNumber(), checksum(line.value()));
                        if (admission == DeliveryLedger.Admission.COUNT) {
                            accounting.count(decoded.record(), ledger.lastIndex());
                        }
                    }
                }
            }
        }
    }

    /** CRC-32C (a CPU instruction on current machines): tells an identical duplicate from a conflicting one. */
    private static int checksum(byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        return (int) crc.getValue();
    }

    private static void retractReplacedRecords(Path eventFile, LineDecoder decoder, long[] lines, Accounting accounting) {
        if (lines.length == 0) {
            return;
        }
        try (EventFileReader reader = new EventFileReader(eventFile)) {
            int next = 0;
            while (next < lines.length) {
                EventLine line = reader.next();
                if (line == null) {
                    throw new IllegalStateException(eventFile + " ended before line " + lines[next] + ": did it change while being read?");
                }
                if (reader.lineNumber() == lines[next]) {
                    accounting.retract(decoder.decode(line).record());
                    next++;
                }
            }
        }
    }
}
