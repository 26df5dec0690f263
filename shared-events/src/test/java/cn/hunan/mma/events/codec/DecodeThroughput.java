package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.care.InpatientEvent;
import cn.hunan.mma.events.testing.GoldenFixtures;

/**
 * A rough decode-rate check, deliberately not a unit test (timings on a shared 2-core box are
 * noise). Run after {@code test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) cn.hunan.mma.events.codec.DecodeThroughput}
 */
public final class DecodeThroughput {

    private DecodeThroughput() {
    }

    public static void main(String[] args) {
        ContractCodec codec = GoldenFixtures.codec();
        byte[] payload = GoldenFixtures.bytes("InpatientDischarged");
        int decodes = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < decodes; i++) {
                if (!(codec.decode(payload, InpatientEvent.class) instanceof DecodeResult.Decoded)) {
                    throw new IllegalStateException("golden fixture rejected");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d decodes of %d bytes in %.2f s = %,.0f/s%n",
                    round, decodes, payload.length, seconds, decodes / seconds);
        }
    }
}
