package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.simulator.random.Mix;

/**
 * Pseudonyms for synthetic residents: 64 lowercase hex characters from four independent 64-bit
 * mixes of (seed, county, resident number). Shaped like the contract's HMAC-SHA256 pseudonyms and
 * stable for a resident across runs and areas with the same seed, but computed in nanoseconds:
 * no per-event HMAC. Real deployments pseudonymise national ID numbers at the edge with
 * {@code PatientPseudonymizer} and the province's key; there are no ID numbers here to hide.
 */
public final class SyntheticPseudonyms {

    private final long[] salts = new long[4];

    public SyntheticPseudonyms(long seed, String countyCode) {
        long base = Mix.hash(Mix.hash(seed, "pseudonym"), Long.parseLong(countyCode));
        for (int i = 0; i < salts.length; i++) {
            salts[i] = Mix.hash(base, i);
        }
    }

    public void write(JsonBuffer out, long residentIndex) {
        for (long salt : salts) {
            out.hex16(Mix.hash(salt, residentIndex));
        }
    }

    public String of(long residentIndex) {
        JsonBuffer buffer = new JsonBuffer(64);
        write(buffer, residentIndex);
        return new String(buffer.array(), 0, buffer.size(), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
