package cn.hunan.mma.simulator.events.faults;

/** What happens to one event on its way to Kafka. */
public enum Fault {
    NONE, DUPLICATE, LATE, CORRECTION, OUT_OF_ORDER, MALFORMED
}
