package cn.hunan.mma.infra.broker;

/**
 * The contract between the launcher ({@code LocalKafka} in deploy/local-infra) and
 * {@link BrokerMain} in the child JVM: command-line options, the readiness line and the build-time
 * resources. Deliberately free of Kafka types, so the launcher can use it without the broker's
 * classpath.
 */
public final class BrokerProtocol {

    /** Started by name: the launcher must not load the class that links against Kafka. */
    public static final String MAIN_CLASS = "cn.hunan.mma.infra.broker.BrokerMain";

    /** This module's runtime dependencies, written by maven-dependency-plugin at build time. */
    public static final String CLASSPATH_RESOURCE = "META-INF/mma/kafka-broker.classpath";

    /** Build facts (where this module's classes were compiled), written by resource filtering. */
    public static final String BUILD_INFO_RESOURCE = "META-INF/mma/kafka-broker.properties";

    /** First word of the line the child prints on stdout once clients can connect. */
    public static final String READY_MARKER = "MMA-KAFKA-BROKER-READY";

    /** Directory holding server.properties and the log directory; reused when it exists. */
    public static final String WORK_DIR = "--work-dir";
    /** Client listener port on 127.0.0.1. */
    public static final String PORT = "--port";
    /** KRaft controller listener port on 127.0.0.1. */
    public static final String CONTROLLER_PORT = "--controller-port";
    /** The broker exits when the process with this pid is gone. */
    public static final String PARENT_PID = "--parent-pid";
    /** The broker exits when its stdin reaches end of file (the parent closed the pipe or died). */
    public static final String EXIT_ON_STDIN_EOF = "--exit-on-stdin-eof";

    private BrokerProtocol() {
    }
}
