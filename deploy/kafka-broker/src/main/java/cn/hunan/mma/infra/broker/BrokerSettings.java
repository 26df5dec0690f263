package cn.hunan.mma.infra.broker;

import java.nio.file.Path;
import java.util.Properties;

/**
 * server.properties for one node that is both broker and KRaft controller, on loopback only,
 * sized for a laptop or a CI box rather than for throughput.
 */
final class BrokerSettings {

    static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final long MIB = 1024L * 1024L;

    private BrokerSettings() {
    }

    static Path logDir(Path workDir) {
        return workDir.resolve("data");
    }

    static Properties singleNode(BrokerArguments arguments) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // A static voter set stores no endpoint in the metadata log, so a restart on new ports
        // can reuse the same work directory (the local stack does that).
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + arguments.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + arguments.port()
                + ",CONTROLLER://" + HOST + ":" + arguments.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + arguments.bootstrapServers());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir(arguments.workDir()).toString());

        // One replica of everything: the internal topics' defaults (3) cannot be met by one node,
        // and transactions and consumer groups would wait for them forever.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: each costs files and start-up time, and one node gains nothing.
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.num.partitions", "10");

        // Tests join a group and expect their partitions at once, not after the default 3 s.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Every topic is declared in the shared topic registry and created explicitly.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");

        // Small files, one day of history: enough to debug a local run, bounded on disk.
        p.setProperty("log.segment.bytes", Long.toString(16 * MIB));
        p.setProperty("log.retention.hours", "24");
        p.setProperty("log.retention.check.interval.ms", "60000");
        p.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(8 * MIB));

        // Two cores on the build machines: few threads.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        return p;
    }
}
