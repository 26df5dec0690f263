package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.json.JsonBuffer;
import cn.hunan.mma.simulator.random.Mix;

/**
 * Event ids that are unique by construction: canonical UUID text (version 8, RFC 9562's
 * vendor-specific form) made of a seed digest, the day, the county code and a counter.
 * <pre>
 *   5eed1d2a-4e79-8430-8321-000000000123
 *   seed     day  county    serial within (county, day)
 * </pre>
 * Readable when debugging, and no two generated events share an id unless one is a deliberate
 * duplicate. The first group digests the whole run (seed, area, period, fault rates, capacity
 * share — not the thread count, which does not change the output), so two different runs replayed
 * into one Kafka do not collide, except by a 1-in-2^32 digest clash: consumers deduplicate by event
 * id and would otherwise silently drop the second run's events.
 */
final class EventIds {

    private final byte[] prefix;

    EventIds(long runDigest, long epochDay, String countyCode) {
        String text = String.format("%08x-%04x-8%s-8%s-", runDigest >>> 32, epochDay & 0xffff,
                countyCode.substring(0, 3), countyCode.substring(3, 6));
        prefix = JsonBuffer.asciiBytes(text);
    }

    /** The digest of everything that shapes a run's output. */
    static long runDigest(RunOptions options, String areaCode) {
        String run = String.join("|", "event-ids", areaCode, options.firstDay().toString(),
                String.valueOf(options.days()), options.faults().toString(),
                String.valueOf(options.reservedExpertShare()));
        return Mix.hash(options.seed(), run);
    }

    void write(JsonBuffer out, long serial) {
        out.raw(prefix).hex(serial, 12);
    }
}
