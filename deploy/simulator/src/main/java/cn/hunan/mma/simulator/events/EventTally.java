package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.Fault;
import cn.hunan.mma.simulator.events.faults.Malformation;
import cn.hunan.mma.simulator.events.json.EventKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run (or a part of it) generated: events per type, faults per kind, lines delivered and
 * lines that fell beyond the run's last day. Parts are added up in output order.
 */
public final class EventTally {

    private final long[] events = new long[EventKind.values().length];
    private final long[] faults = new long[Fault.values().length];
    private final long[] malformations = new long[Malformation.values().length];
    private long linesDelivered;
    private long linesBeyondPeriod;

    void event(EventKind kind) {
        events[kind.ordinal()]++;
    }

    void fault(Fault fault) {
        faults[fault.ordinal()]++;
    }

    void malformation(Malformation malformation) {
        malformations[malformation.ordinal()]++;
    }

    void delivered() {
        linesDelivered++;
    }

    void delivered(int lines) {
        linesDelivered += lines;
    }

    void beyondPeriod() {
        linesBeyondPeriod++;
    }

    /** Lines that reach the file on the days generated so far (deferred lines count when delivered). */
    public long linesDelivered() {
        return linesDelivered;
    }

    public long linesBeyondPeriod() {
        return linesBeyondPeriod;
    }

    public long events(EventKind kind) {
        return events[kind.ordinal()];
    }

    public long totalEvents() {
        long sum = 0;
        for (long count : events) {
            sum += count;
        }
        return sum;
    }

    public long faults(Fault fault) {
        return faults[fault.ordinal()];
    }

    public void add(EventTally other) {
        for (int i = 0; i < events.length; i++) {
            events[i] += other.events[i];
        }
        for (int i = 0; i < faults.length; i++) {
            faults[i] += other.faults[i];
        }
        for (int i = 0; i < malformations.length; i++) {
            malformations[i] += other.malformations[i];
        }
        linesDelivered += other.linesDelivered;
        linesBeyondPeriod += other.linesBeyondPeriod;
    }

    /** For the run summary: ordered maps of non-zero counts by wire name. */
    public Map<String, Object> asMap() {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (EventKind kind : EventKind.values()) {
            byType.put(kind.wireName(), events[kind.ordinal()]);
        }
        Map<String, Long> byFault = new LinkedHashMap<>();
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                byFault.put(fault.name(), faults[fault.ordinal()]);
            }
        }
        Map<String, Long> byMalformation = new LinkedHashMap<>();
        for (Malformation malformation : Malformation.values()) {
            byMalformation.put(malformation.name(), malformations[malformation.ordinal()]);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("events", totalEvents());
        map.put("linesDelivered", linesDelivered);
        map.put("linesBeyondPeriod", linesBeyondPeriod);
        map.put("eventsByType", byType);
        map.put("faults", byFault);
        map.put("malformations", byMalformation);
        return map;
    }
}
