package cn.hunan.mma.simulator.events;

/** One kind of activity simulated for a county-level unit's day (visits, admissions, capacity, …). */
interface DailyWork {

    void run(CountyDay day);
}
