package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.codec.ContractCodec;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.infra.RealKafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Reads the referral topic from the beginning (no group) and decodes one referral's events with the contract codec. */
final class ReferralTopic {

    private ReferralTopic() {
    }

    static List<ReferralEvent> awaitEvents(String referralId, int count, Duration deadline) {
        List<ReferralEvent> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERRALS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(deadline).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (referralId.equals(record.key())) {
                        events.add(ContractCodec.standard().decode(record.value(), ReferralEvent.class).orElseThrow());
                    }
                }
                return events.size() >= count;
            });
        }
        return events;
    }
}
