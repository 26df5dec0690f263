package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Reason;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened to the lines of the event file on their way to the figures: how many were
 * dead-lettered and why, ignored as duplicates, replaced by corrections, or counted.
 */
public final class DeliveryStats {

    private long lines;
    private final SortedMap<String, Long> linesByTopic = new TreeMap<>();
    private long unknownTopicLines;
    private long notAggregatedLines;
    private final Map<Reason, Long> deadLettered = new EnumMap<>(Reason.class);
    private long duplicatesIgnored;
    private long conflictingDuplicates;
    private long corrections;
    private long selfCorrections;
    private long namedMoreThanOnce;
    private long supersededBeforeArrival;
    private long supersededAfterCounting;
    private long correctedButNeverDelivered;
    // Updated for every record: a map from the type name to a one-element counter, sorted only when read.
    private final Map<String, long[]> countedByType = new HashMap<>();
    private long atUnknownInstitutions;
    private long referralsWithoutRequest;

    /** Lines read from the event file. */
    public long lines() {
        return lines;
    }

    public SortedMap<String, Long> linesByTopic() {
        return Collections.unmodifiableSortedMap(linesByTopic);
    }

    /** Lines whose topic the contract does not know: no consumer reads them. */
    public long unknownTopicLines() {
        return unknownTopicLines;
    }

    /** Lines on contract topics the oracle does not aggregate (matrix, scores, settlements). */
    public long notAggregatedLines() {
        return notAggregatedLines;
    }

    /** Records a consumer would put on the dead-letter topic, by reason. */
    public Map<Reason, Long> deadLettered() {
        return Collections.unmodifiableMap(deadLettered);
    }

    public long deadLetteredTotal() {
        return deadLettered.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Later arrivals of an event id already accepted: ignored, whatever they carry. */
    public long duplicatesIgnored() {
        return duplicatesIgnored;
    }

    /** Of the ignored duplicates, those whose bytes differ from the first arrival (worth investigating). */
    public long conflictingDuplicates() {
        return conflictingDuplicates;
    }

    /** Accepted records that name another record in {@code correctsEventId}. */
    public long corrections() {
        return corrections;
    }

    /** Records naming their own id as the one they correct: treated as naming nothing. */
    public long selfCorrections() {
        return selfCorrections;
    }

    /** Records named by more than one correction (forks or cycles; see deploy/simulator/README.md, The oracle). */
    public long namedMoreThanOnce() {
        return namedMoreThanOnce;
    }

    /** Records that arrived after a correction had already replaced them: never counted. */
    public long supersededBeforeArrival() {
        return supersededBeforeArrival;
    }

    /** Records counted first and taken out again when their correction arrived. */
    public long supersededAfterCounting() {
        return supersededAfterCounting;
    }

    /** Ids named by a correction that never arrived as an accepted record (lost or dead-lettered). */
    public long correctedButNeverDelivered() {
        return correctedButNeverDelivered;
    }

    /** The records the figures are made of, by wire type: accepted, first arrival, not replaced. */
    public SortedMap<String, Long> countedByType() {
        SortedMap<String, Long> counted = new TreeMap<>();
        countedByType.forEach((type, count) -> {
            if (count[0] != 0) {
                counted.put(type, count[0]);
            }
        });
        return Collections.unmodifiableSortedMap(counted);
    }

    public long countedTotal() {
        return countedByType.values().stream().mapToLong(count -> count[0]).sum();
    }

    /** Counted records, and referrals by their sender, of institutions the matrix does not list: in no figure. */
    public long atUnknownInstitutions() {
        return atUnknownInstitutions;
    }

    /** Referrals whose request never arrived: without it there is no sender or direction to count them under. */
    public long referralsWithoutRequest() {
        return referralsWithoutRequest;
    }

    void lineRead(String topic) {
        lines++;
        linesByTopic.merge(topic, 1L, Long::sum);
    }

    void unknownTopic() {
        unknownTopicLines++;
    }

    void notAggregated() {
        notAggregatedLines++;
    }

    void deadLettered(Reason reason) {
        deadLettered.merge(reason, 1L, Long::sum);
    }

    void duplicate(boolean conflicting) {
        duplicatesIgnored++;
        if (conflicting) {
            conflictingDuplicates++;
        }
    }

    void correction() {
        corrections++;
    }

    void selfCorrection() {
        selfCorrections++;
    }

    void namedAgain() {
        namedMoreThanOnce++;
    }

    void noteSupersededBeforeArrival() {
        supersededBeforeArrival++;
    }

    void noteSupersededAfterCounting() {
        supersededAfterCounting++;
    }

    void correctedButNeverDelivered(long count) {
        correctedButNeverDelivered = count;
    }

    /** +1 when a record starts counting, −1 when a correction takes it out again. */
    void counted(String type, int sign) {
        countedByType.computeIfAbsent(type, added -> new long[1])[0] += sign;
    }

    void atUnknownInstitution(int sign) {
        atUnknownInstitutions += sign;
    }

    void referralWithoutRequest() {
        referralsWithoutRequest++;
    }
}
