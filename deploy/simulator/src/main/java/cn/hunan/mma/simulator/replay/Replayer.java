package cn.hunan.mma.simulator.replay;

import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.output.KafkaLineSender;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Sends an event file to Kafka in file order, at full speed or open-loop at a fixed rate,
 * through one idempotent producer, then waits for every acknowledgement.
 */
public final class Replayer {

    private static final int PROGRESS_EVERY = 10_000;

    private final KafkaLineSender sender;

    public Replayer(KafkaLineSender sender) {
        this.sender = sender;
    }

    /**
     * @param perSecond records per second, or 0 for full speed
     * @param limit     stop after this many records (0: the whole file)
     * @param progress  told the number of records sent, now and then
     */
    public ReplayReport replay(Path file, double perSecond, long limit, LongConsumer progress) {
        sender.prepare();
        long started = System.nanoTime();
        OpenLoopPacer pacer = new OpenLoopPacer(perSecond);
        long count = 0;
        try (EventFileReader reader = new EventFileReader(file)) {
            EventLine line;
            while ((limit <= 0 || count < limit) && (line = reader.next()) != null) {
                pacer.awaitSlot(count);
                sender.send(line.topic(), line.key().getBytes(StandardCharsets.UTF_8), line.value());
                if (++count % PROGRESS_EVERY == 0) {
                    progress.accept(count);
                }
            }
        }
        progress.accept(count);
        long sendDone = System.nanoTime();
        sender.flush();
        long acknowledged = System.nanoTime();
        return new ReplayReport(sender.sent(), sender.acknowledged(), (sendDone - started) / 1e9,
                (acknowledged - started) / 1e9, pacer.maxLagMillis());
    }
}
