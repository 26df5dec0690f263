package cn.hunan.mma.benchmark.settlement;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.matrix.Institution;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic {@code InpatientDischarged} records as the contract's JSON bytes, written straight
 * into a buffer: the benchmark produces millions, and a general-purpose encoder would make the
 * load generator, not the service, the thing measured. Record {@code i} of a seed is always the
 * same record. Every {@code episodeEvery}-th discharge is the second stay of a referral episode
 * started by the discharge before it at the same institution (same key, same partition, so it is
 * settled after it), which exercises the continuous deductible. Every {@code correctionEvery}-th
 * discharge, one after a multiple of it, corrects the discharge before it (same patient, hospital and episode; a new
 * charge), which exercises the corrections' path — the standing versions read, the superseding update.
 *
 * <p>{@code DischargeGeneratorTest} decodes the output with the contract's own codec.
 */
final class DischargeGenerator {

    /** A DRG group with a relative weight: charges scatter around weight × ¥10,000. */
    record Group(String code, double weight) {
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<Institution> hospitals;
    private final List<Group> groups;
    private final long seed;
    private final int episodeEvery;
    private final int correctionEvery;

    /**
     * @param hospitals       institutions that admit inpatients (township level and above)
     * @param episodeEvery    every n-th discharge continues the previous one's referral episode; 0 for none
     * @param correctionEvery discharge n × k + 1 corrects discharge n × k (unless it is an episode's stay); 0 for none
     */
    DischargeGenerator(List<Institution> hospitals, List<Group> groups, long seed, int episodeEvery, int correctionEvery) {
        if (hospitals.isEmpty() || groups.isEmpty()) {
            throw new IllegalArgumentException("need at least one hospital and one DRG group");
        }
        this.hospitals = List.copyOf(hospitals);
        this.groups = List.copyOf(groups);
        this.seed = seed;
        this.episodeEvery = episodeEvery;
        this.correctionEvery = correctionEvery;
    }

    static boolean admitsInpatients(Institution institution) {
        return institution.level().isAbove(Level.VILLAGE);
    }

    /** The topic key (the institution id) of discharge {@code index}. */
    String key(long index) {
        return hospital(stayOwner(index)).id();
    }

    /** The contract JSON of discharge {@code index}. */
    byte[] json(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long owner = stayOwner(index);
        Institution hospital = hospital(owner);
        Group group = groups.get(random.nextInt(groups.size()));
        long dischargeDay = random.nextInt(365);
        int stay = 1 + random.nextInt(14);
        LocalDate discharge = FIRST_DAY.plusDays(dischargeDay);
        LocalDate admission = discharge.minusDays(stay);
        // Log-normal around the group's standard cost; about one stay in forty is far above it.
        double scatter = Math.exp(random.nextGaussian() * 0.35);
        long totalFen = Math.max(50_000L, Math.round(group.weight() * 1_000_000 * scatter));
        long fundFen = totalFen * 7 / 10;
        long cashFen = totalFen * 2 / 10;

        StringBuilder out = new StringBuilder(720);
        out.append("{\"type\":\"InpatientDischarged\",\"eventId\":\"").append(eventId(index))
                .append("\",\"occurredAt\":\"").append(discharge).append("T02:30:00Z\"")
                .append(",\"institutionId\":\"").append(hospital.id())
                .append("\",\"departmentId\":\"internal-medicine\",\"patient\":\"");
        pseudonym(out, owner);
        out.append("\",\"residenceDivision\":\"").append(hospital.divisionCode())
                .append("\",\"insuredAreaDivision\":\"").append(hospital.countyCode())
                .append("\",\"principalDiagnosis\":\"I63.900\",\"procedures\":[],\"drgGroup\":\"").append(group.code())
                .append("\",\"charges\":{\"total\":\"").append(yuan(totalFen)).append("\",\"fundPaid\":\"").append(yuan(fundFen))
                .append("\",\"outOfPocket\":\"").append(yuan(cashFen)).append("\"},\"dischargeMode\":\"1\"")
                .append(",\"admissionDate\":\"").append(admission).append("\",\"dischargeDate\":\"").append(discharge)
                .append("\",\"lengthOfStayDays\":").append(stay);
        if (hasEpisode(corrects(index) ? index - 1 : index)) {
            out.append(",\"episodeId\":\"EP-BENCH-").append(owner).append('"');
        }
        if (corrects(index)) {
            out.append(",\"correctsEventId\":\"").append(eventId(index - 1)).append('"');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A name-based id, so a re-run of the same seed produces the same discharges. */
    static UUID eventId(long seed, long index) {
        return UUID.nameUUIDFromBytes(("settlement-benchmark/" + seed + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private UUID eventId(long index) {
        return eventId(seed, index);
    }

    private boolean inEpisode(long index) {
        return episodeEvery > 0 && index > 0 && index % episodeEvery == 0;
    }

    /** A stay of a referral episode: its second stay, or the first (the stay before a second one). */
    private boolean hasEpisode(long index) {
        return inEpisode(index) || inEpisode(index + 1);
    }

    /** How many of the first {@code count} discharges are corrections. */
    long corrections(long count) {
        return java.util.stream.LongStream.range(0, count).filter(this::corrects).count();
    }

    /** Whether discharge {@code index} corrects the one before it; never a stay that an episode needs as it is. */
    boolean corrects(long index) {
        return correctionEvery > 0 && index > 1 && index % correctionEvery == 1 && !hasEpisode(index);
    }

    /** The second stay of an episode belongs to the patient (and hospital) of the first; a correction to its stay's. */
    private long stayOwner(long index) {
        return corrects(index) ? stayOwner(index - 1) : inEpisode(index) ? index - 1 : index;
    }

    private Institution hospital(long owner) {
        return hospitals.get((int) Math.floorMod(mix(owner), hospitals.size()));
    }

    /**
     * 64 hex digits, one patient per stay owner; every 16th digit is a letter, so the pseudonym can
     * never contain a run of 18 digits (the contract refuses what looks like a national id).
     */
    private void pseudonym(StringBuilder out, long owner) {
        long state = mix(seed ^ owner);
        for (int block = 0; block < 4; block++) {
            state = mix(state + block);
            out.append((char) ('a' + (int) Math.floorMod(state, 6)));
            for (int digit = 0; digit < 15; digit++) {
                out.append(HEX[(int) (state >>> (digit * 4)) & 0xF]);
            }
        }
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + (fen % 100 < 10 ? "0" : "") + fen % 100;
    }

    /** SplitMix64's finaliser: spreads consecutive indices over the hospitals. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
