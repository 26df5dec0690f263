package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.testing.GoldenFixtures;
import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.events.topic.Topics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and allocation per decoded record over a realistic mix of topic payloads, deliberately not a
 * unit test (timings on a shared box are noise). Each golden fixture is re-encoded compactly (the
 * wire form), repeated by its share of a day's traffic (outpatient visits dominate, then capacity,
 * inpatient, settlements, referrals, prevention), and decoded against its topic's value type as
 * consumers do. Per round: this thread's CPU µs and allocated bytes per record. Run after
 * {@code test-compile}, with the same JVM options for every build being compared:
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) cn.hunan.mma.events.codec.DecodeCost [records] [rounds]}
 */
public final class DecodeCost {

    /** Records per 100 on the consumed topics, roughly a simulated 湘潭 day. */
    private static final Map<String, Integer> SHARE = new LinkedHashMap<>();

    static {
        SHARE.put("OutpatientVisitRecorded", 35);
        SHARE.put("SlotsBooked", 10);
        SHARE.put("SlotsPublished", 4);
        SHARE.put("SlotsReleased", 3);
        SHARE.put("SlotsCancelled", 2);
        SHARE.put("BedStatusReported", 6);
        SHARE.put("InpatientAdmitted", 7);
        SHARE.put("InpatientDischarged", 7);
        SHARE.put("CaseSettled", 5);
        SHARE.put("ReferralRequested", 3);
        for (String referral : List.of("ReferralPlatformApproved", "ReferralAccepted", "ReferralRejected",
                "ReferralScheduled", "ReferralArrived", "ReferralNoShowRecorded", "ReferralCancelled",
                "ReferralTreatmentStarted", "ReferralCompleted", "ReferralFollowedUp")) {
            SHARE.put(referral, 1);
        }
        SHARE.put("FamilyDoctorContractSigned", 2);
        SHARE.put("ChronicFollowUpRecorded", 4);
        SHARE.put("ConductIncidentRecorded", 1);
        SHARE.put("SupportMetricsReported", 1);
    }

    private DecodeCost() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        ContractCodec codec = GoldenFixtures.codec();
        List<byte[]> mix = new ArrayList<>();
        List<Class<? extends ContractRecord>> expected = new ArrayList<>();
        long payloadBytes = 0;
        for (Map.Entry<String, Integer> share : SHARE.entrySet()) {
            Class<? extends ContractRecord> type = EventTypes.classOf(share.getKey()).orElseThrow();
            byte[] wire = codec.encode(GoldenFixtures.record(type));
            for (int i = 0; i < share.getValue(); i++) {
                mix.add(wire);
                expected.add(valueTypeOf(type));
                payloadBytes += wire.length;
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf("mix of %d payloads, %d bytes on average; %,d decodes per round%n",
                mix.size(), payloadBytes / mix.size(), records);
        for (int round = 1; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long allocatedStart = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < records; i++) {
                int slot = i % mix.size();
                if (!(codec.decode(mix.get(slot), expected.get(slot)) instanceof DecodeResult.Decoded)) {
                    throw new IllegalStateException("golden fixture rejected: " + slot);
                }
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedStart;
            System.out.printf("round %d: %.2f µs/record, %,d bytes/record%n",
                    round, cpu / 1e3 / records, allocated / records);
        }
    }

    private static Class<? extends ContractRecord> valueTypeOf(Class<? extends ContractRecord> type) {
        for (Topic<?, ?> topic : Topics.all()) {
            if (topic.valueType().isAssignableFrom(type)) {
                return topic.valueType();
            }
        }
        throw new IllegalArgumentException("no topic carries " + type);
    }
}
