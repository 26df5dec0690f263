package cn.hunan.mma.simulator.events;

import cn.hunan.mma.simulator.events.faults.Fault;
import cn.hunan.mma.simulator.events.faults.FaultInjector;
import cn.hunan.mma.simulator.events.faults.Malformation;
import cn.hunan.mma.simulator.events.json.EventJson;
import cn.hunan.mma.simulator.events.json.JsonBuffer;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Turns events into event-file lines ({@code topic TAB key TAB json}) for one county-day, applies
 * the delivery faults, and puts each line where it is delivered: today's batch, or the county's
 * deferred lines for a later day. Lines are delivered when the fact happens unless a fault delays them.
 */
final class EventEmitter {

    private static final byte[] CORRECTS = JsonBuffer.asciiBytes(",\"correctsEventId\":\"");
    private static final byte[] OCCURRED_AT = JsonBuffer.asciiBytes("\",\"occurredAt\":\"");

    private final EventIds ids;
    private final FaultInjector faults;
    private final SplittableRandom random;
    private final LineBatch today;
    private final DeferredLines later;
    private final EventTally tally;
    private final long dayStart;
    private final int dayIndex;
    private final JsonBuffer line = new JsonBuffer(2048);
    private long serial;

    EventEmitter(EventIds ids, FaultInjector faults, SplittableRandom random, LineBatch today, DeferredLines later,
                 EventTally tally, long dayStart, int dayIndex) {
        this.ids = ids;
        this.faults = faults;
        this.random = random;
        this.today = today;
        this.later = later;
        this.tally = tally;
        this.dayStart = dayStart;
        this.dayIndex = dayIndex;
    }

    /** Writes the event (and any duplicate or correction of it); returns its serial. */
    long emit(EventJson event) {
        return emit(event, -1);
    }

    /** Writes a report that replaces the earlier one with the given serial (a business correction). */
    long emitCorrection(EventJson event, long correctsSerial) {
        return emit(event, correctsSerial);
    }

    private long emit(EventJson event, long corrects) {
        long id = serial++;
        int valueStart = encode(event, id, corrects);
        tally.event(event.kind());
        long at = Math.max(event.occurredAt(), dayStart);
        Fault fault = faults.draw(random);
        if (fault != Fault.CORRECTION || event.kind().correctable()) {
            tally.fault(fault);
        } else {
            fault = Fault.NONE;
        }
        switch (fault) {
            case MALFORMED -> {
                damage(valueStart);
                deliver(at);
            }
            case LATE -> deliver(at + faults.lateDelay(random));
            case OUT_OF_ORDER -> deliver(at + faults.outOfOrderDelay(random));
            case DUPLICATE -> {
                deliver(at);
                deliver(at + faults.duplicateDelay(random));
            }
            case CORRECTION -> {
                deliver(at);
                event.amend(random);
                encode(event, serial++, id);
                deliver(at + faults.correctionDelay(random));
            }
            default -> deliver(at);
        }
        return id;
    }

    private int encode(EventJson event, long id, long corrects) {
        line.reset();
        line.raw(event.kind().topic().nameBytes()).raw('\t').ascii(event.key()).raw('\t');
        int valueStart = line.size();
        line.raw(event.kind().opening());
        ids.write(line, id);
        line.raw(OCCURRED_AT).instant(event.occurredAt()).raw('"');
        event.writeFields(line);
        if (corrects >= 0) {
            line.raw(CORRECTS);
            ids.write(line, corrects);
            line.raw('"');
        }
        line.raw('}').raw('\n');
        return valueStart;
    }

    private void damage(int valueStart) {
        Malformation malformation = faults.malformation(random);
        tally.malformation(malformation);
        String json = new String(line.array(), valueStart, line.size() - valueStart - 1, StandardCharsets.UTF_8);
        line.truncate(valueStart);
        line.raw(malformation.apply(json, random).getBytes(StandardCharsets.UTF_8)).raw('\n');
    }

    private void deliver(long epochSecond) {
        long offset = epochSecond - dayStart;
        if (offset < 86_400) {
            today.add((int) offset, line.array(), 0, line.size());
            tally.delivered();
            return;
        }
        int day = dayIndex + (int) (offset / 86_400);
        if (!later.add(day, (int) (offset % 86_400), line.copy())) {
            tally.beyondPeriod();
        }
    }
}
