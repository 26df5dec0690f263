package cn.hunan.mma.benchmark.scoring;

import cn.hunan.mma.events.topic.Topic;
import cn.hunan.mma.scoring.streams.ScoringTopology;
import cn.hunan.mma.simulator.io.EventFileReader;
import cn.hunan.mma.simulator.io.EventLine;
import cn.hunan.mma.simulator.output.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The scorer's seven input topics: filled from the event file, or emptied (deleted and created again) between phases. */
final class InputTopics {

    static final List<String> NAMES = ScoringTopology.INPUTS.stream().map(Topic::name).toList();

    private InputTopics() {
    }

    /** Sends every line of the file at full speed; the number of lines. */
    static long fill(String bootstrap, Path events) {
        long lines = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "scoring-benchmark-fill"));
             EventFileReader reader = new EventFileReader(events)) {
            for (EventLine line = reader.next(); line != null; line = reader.next()) {
                producer.send(new ProducerRecord<>(line.topic(), line.key().getBytes(StandardCharsets.UTF_8), line.value()));
                lines++;
            }
            producer.flush();
        }
        return lines;
    }

    /** Deletes the input topics and creates every missing contract topic again: the next contender starts on empty inputs. */
    static void recreate(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(NAMES).all().get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                Set<String> left = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                if (NAMES.stream().noneMatch(left::contains)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("input topics not deleted within 60 s");
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        KafkaSettings.createTopics(bootstrap, (short) 1);
    }
}
