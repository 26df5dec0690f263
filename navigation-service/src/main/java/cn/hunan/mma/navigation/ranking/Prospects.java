package cn.hunan.mma.navigation.ranking;

import cn.hunan.mma.events.capacity.SlotChannel;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.capacity.SlotReading;

import java.util.Arrays;

/**
 * The departments one request may recommend, with the facts their scores are made of, as columns
 * of plain numbers: the live slots in the caller's channel, the distance, the load-spreading group.
 *
 * <p>Why columns in a reused table rather than an object per prospect: a request scores every
 * department near the patient (tens, in a county up to hundreds) to answer ten, and the records,
 * {@code Optional}s and boxed figures built for each were most of what an answer allocated. The
 * recommender keeps one table per thread (the endpoints run on event-loop threads) and clears it
 * after each request.
 */
final class Prospects {

    /** What is known of a prospect's slots: nothing, figures too old to promise, or live figures. */
    enum Figures { NONE, STALE, LIVE }

    private static final int FIRST_CAPACITY = 256;
    private static final int MOST_KEPT_CAPACITY = 4096;

    private Offering[] offerings = new Offering[FIRST_CAPACITY];
    private Figures[] figures = new Figures[FIRST_CAPACITY];
    private int[] openSlots = new int[FIRST_CAPACITY];
    private long[] staleMinutes = new long[FIRST_CAPACITY];
    private double[] loadRatios = new double[FIRST_CAPACITY];
    private double[] kilometres = new double[FIRST_CAPACITY];
    private int[] peerGroups = new int[FIRST_CAPACITY];
    private double[] points = new double[FIRST_CAPACITY];
    private int size;
    private int[] shortlist = new int[16];

    private final SlotReading reading = new SlotReading();
    private final LoadPeers peers = new LoadPeers();
    private final ScoreCard card = new ScoreCard();

    /** The holder a prospect's slots are read into before {@link #add}. */
    SlotReading reading() {
        return reading;
    }

    /** The request's score card, to be started over for each prospect. */
    ScoreCard card() {
        return card;
    }

    /**
     * Adds a department; its slots are those in {@link #reading()} when {@code hasFigures}.
     *
     * @param km the distance from the patient, NaN when unknown
     */
    void add(Offering offering, boolean hasFigures, SlotChannel channel, double km) {
        if (size == offerings.length) {
            grow();
        }
        int i = size++;
        offerings[i] = offering;
        kilometres[i] = km;
        peerGroups[i] = -1;
        points[i] = 0;
        if (!hasFigures) {
            figures[i] = Figures.NONE;
        } else if (reading.stale()) {
            figures[i] = Figures.STALE;
            staleMinutes[i] = reading.ageMinutes();
        } else {
            figures[i] = Figures.LIVE;
            openSlots[i] = reading.available(channel);
            loadRatios[i] = reading.loadRatio();
        }
    }

    /** Groups the live prospects with their same-city, same-level, same-department peers. */
    void groupPeers() {
        peers.clear();
        for (int i = 0; i < size; i++) {
            if (figures[i] == Figures.LIVE) {
                peerGroups[i] = peers.join(offerings[i].peerGroup(), loadRatios[i]);
            }
        }
    }

    int size() {
        return size;
    }

    Offering offering(int i) {
        return offerings[i];
    }

    InstitutionSnapshot institution(int i) {
        return offerings[i].institution();
    }

    SpecialtySnapshot department(int i) {
        return offerings[i].department();
    }

    Figures figures(int i) {
        return figures[i];
    }

    /** Open slots in the caller's channel; only for {@link Figures#LIVE}. */
    int openSlots(int i) {
        return openSlots[i];
    }

    /** Minutes since the last update; only for {@link Figures#STALE}. */
    long staleMinutes(int i) {
        return staleMinutes[i];
    }

    double loadRatio(int i) {
        return loadRatios[i];
    }

    /** Kilometres from the patient, NaN when unknown. */
    double kilometres(int i) {
        return kilometres[i];
    }

    /** How many live peers share the prospect's group (itself included); 0 when it has no live figures. */
    int peers(int i) {
        return peerGroups[i] < 0 ? 0 : peers.peers(peerGroups[i]);
    }

    double busiestPeerRatio(int i) {
        return peers.busiestRatio(peerGroups[i]);
    }

    void setPoints(int i, double value) {
        points[i] = value;
    }

    double points(int i) {
        return points[i];
    }

    /**
     * The best {@code limit} prospects, best first, as indexes into this table: {@code shortlisted(0)}
     * … {@code shortlisted(n - 1)}, n returned. Best = most points, then institution id, then
     * department id: a total order, so the answer does not depend on the order prospects were found.
     * Insertion into a list at most {@code limit} long: a county's hundreds of prospects are not all
     * sorted to answer ten.
     */
    int shortlist(int limit) {
        if (shortlist.length < limit) {
            shortlist = new int[limit];
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == limit && !better(i, shortlist[kept - 1])) {
                continue;
            }
            int at = kept == limit ? kept - 1 : kept++;
            while (at > 0 && better(i, shortlist[at - 1])) {
                shortlist[at] = shortlist[at - 1];
                at--;
            }
            shortlist[at] = i;
        }
        return kept;
    }

    int shortlisted(int rank) {
        return shortlist[rank];
    }

    /**
     * Forgets this request's prospects, so the table holds no snapshot's offerings between requests.
     * A table grown for a search of the whole province (up to tens of thousands of departments, a
     * rare request) shrinks back rather than keeping megabytes on every event-loop thread.
     */
    void clear() {
        if (offerings.length > MOST_KEPT_CAPACITY) {
            offerings = new Offering[FIRST_CAPACITY];
            resize(FIRST_CAPACITY);
        } else {
            Arrays.fill(offerings, 0, size, null);
        }
        size = 0;
    }

    private boolean better(int one, int other) {
        int byPoints = Double.compare(points[other], points[one]);
        if (byPoints != 0) {
            return byPoints < 0;
        }
        int byInstitution = institution(one).institutionId().value().compareTo(institution(other).institutionId().value());
        if (byInstitution != 0) {
            return byInstitution < 0;
        }
        return department(one).departmentId().value().compareTo(department(other).departmentId().value()) < 0;
    }

    private void grow() {
        int capacity = offerings.length * 2;
        offerings = Arrays.copyOf(offerings, capacity);
        resize(capacity);
    }

    private void resize(int capacity) {
        figures = Arrays.copyOf(figures, capacity);
        openSlots = Arrays.copyOf(openSlots, capacity);
        staleMinutes = Arrays.copyOf(staleMinutes, capacity);
        loadRatios = Arrays.copyOf(loadRatios, capacity);
        kilometres = Arrays.copyOf(kilometres, capacity);
        peerGroups = Arrays.copyOf(peerGroups, capacity);
        points = Arrays.copyOf(points, capacity);
    }
}
