package cn.hunan.mma.simulator.events;

import cn.hunan.mma.events.care.DischargeMode;
import cn.hunan.mma.simulator.events.json.BedStatusJson;
import cn.hunan.mma.simulator.events.json.ChronicFollowUpJson;
import cn.hunan.mma.simulator.events.json.ConductIncidentJson;
import cn.hunan.mma.simulator.events.json.EventJson;
import cn.hunan.mma.simulator.events.json.FamilyDoctorContractJson;
import cn.hunan.mma.simulator.events.json.InpatientAdmittedJson;
import cn.hunan.mma.simulator.events.json.InpatientDischargedJson;
import cn.hunan.mma.simulator.events.json.OutpatientVisitJson;
import cn.hunan.mma.simulator.events.json.ReferralEventJson;
import cn.hunan.mma.simulator.events.json.SlotsJson;
import cn.hunan.mma.simulator.events.json.SupportMetricsJson;

import java.util.SplittableRandom;

/**
 * The working state of one county-level unit's simulated day: its random stream, its emitter,
 * reusable event drafts (filled, emitted, refilled — nothing is allocated per event), and
 * counters for the referral and episode ids it hands out. Used by one thread at a time.
 */
final class CountyDay {

    final CountyModel model;
    final SimulationCalendar calendar;
    final int day;
    final long dayStart;
    final SplittableRandom random;
    private final EventEmitter emitter;
    private final String idDate;
    private int referrals;
    private int episodes;

    final OutpatientVisitJson visit = new OutpatientVisitJson();
    final InpatientAdmittedJson admitted = new InpatientAdmittedJson();
    final InpatientDischargedJson discharged = new InpatientDischargedJson();
    final ReferralEventJson referral = new ReferralEventJson();
    final SlotsJson slots = new SlotsJson();
    final BedStatusJson beds = new BedStatusJson();
    final FamilyDoctorContractJson contract = new FamilyDoctorContractJson();
    final ChronicFollowUpJson followUp = new ChronicFollowUpJson();
    final ConductIncidentJson incident = new ConductIncidentJson();
    final SupportMetricsJson support = new SupportMetricsJson();

    /** Procedure codes of the stay being planned. */
    final String[] procedures = new String[4];

    /** The stay last planned, for the referral that brought the patient or follows it. */
    long lastAdmittedAt;
    long lastDischargeAt;
    DischargeMode lastDischargeMode;
    String lastEpisodeId;

    CountyDay(CountyModel model, SimulationCalendar calendar, int day, SplittableRandom random, EventEmitter emitter) {
        this.model = model;
        this.calendar = calendar;
        this.day = day;
        this.dayStart = calendar.dayStart(day);
        this.random = random;
        this.emitter = emitter;
        this.idDate = calendar.date(day).toString().replace("-", "");
    }

    long at(int secondOfDay) {
        return dayStart + secondOfDay;
    }

    long emit(EventJson event) {
        return emitter.emit(event);
    }

    /** A later report that replaces an earlier one of this day (e.g. a complaint confirmed). */
    void emitCorrection(EventJson event, long correctsSerial) {
        emitter.emitCorrection(event, correctsSerial);
    }

    /** e.g. RF-430321-20250306-000123: unique per unit and day. */
    String nextReferralId() {
        return "RF-" + model.countyCode + "-" + idDate + "-" + sixDigits(++referrals);
    }

    String nextEpisodeId() {
        return "EP-" + model.countyCode + "-" + idDate + "-" + sixDigits(++episodes);
    }

    private static String sixDigits(int number) {
        String digits = Integer.toString(number);
        return "000000".substring(Math.min(6, digits.length())) + digits;
    }
}
