package cn.hunan.mma.scoring.live;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.platform.security.Caller;
import cn.hunan.mma.platform.security.Jurisdiction;
import cn.hunan.mma.platform.security.Role;
import cn.hunan.mma.platform.security.Scope;
import cn.hunan.mma.scoring.rest.Places;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each update reaches only the clients whose scope covers it; a slow client does not hold up the others. */
class LiveHubTest {

    private static final LiveSettings SETTINGS = new LiveSettings() {
        public int clientBuffer() { return 2; }
        public Duration heartbeat() { return Duration.ofSeconds(15); }
        public Duration stallTimeout() { return Duration.ofSeconds(60); }
        public String surplusTopic() { return "mma.scoring.surplus-projections"; }
        public int maxSurplusBytes() { return 1024; }
    };

    private static Caller city(String code) {
        return new Caller(code, Set.of(Role.CITY_OPERATOR), Scope.fromClaims(Optional.empty(), Optional.of(code), Optional.empty(), Optional.empty()));
    }

    private static LiveUpdate county(String code, String key) {
        return new LiveUpdate(LiveUpdate.SCORE, key, Places.of(Jurisdiction.ofDivision(DivisionCode.of(code))), "{}");
    }

    @Test
    void updates_go_only_to_callers_whose_scope_covers_them_and_a_stuck_client_does_not_block_the_others() {
        LiveHub hub = new LiveHub(SETTINGS);
        LiveClientTest.SlowSink xiangtan = new LiveClientTest.SlowSink();
        LiveClientTest.SlowSink changsha = new LiveClientTest.SlowSink();
        hub.register(new LiveClient(city("430300"), xiangtan, SseImpl.INSTANCE, 2, Clock.systemUTC()));
        hub.register(new LiveClient(city("430100"), changsha, SseImpl.INSTANCE, 2, Clock.systemUTC()));

        hub.publish(county("430321", "湘潭县-1"));
        hub.publish(county("430102", "芙蓉区-1"));
        assertThat(xiangtan.sentIds()).containsExactly("score:湘潭县-1");
        assertThat(changsha.sentIds()).containsExactly("score:芙蓉区-1");

        // 长沙's reader never completes a write; 湘潭's does: 湘潭 keeps getting every event.
        for (int n = 2; n <= 6; n++) {
            hub.publish(county("430321", "湘潭县-" + n));
            hub.publish(county("430102", "芙蓉区-" + n));
            xiangtan.completeWrite(n - 2);
        }
        assertThat(xiangtan.sentIds()).containsExactly("score:湘潭县-1", "score:湘潭县-2", "score:湘潭县-3",
                "score:湘潭县-4", "score:湘潭县-5", "score:湘潭县-6");
        assertThat(changsha.sentIds()).containsExactly("score:芙蓉区-1");
    }

    /**
     * An alliance covering 岳塘区 (湘潭) first and 荷塘区 (株洲) second: its score goes to the operators of both cities
     * and not to 长沙's. Before 2026-11-25 (6) it sat in its first covered division only, and 株洲's stream never saw it.
     */
    @Test
    void an_alliance_update_goes_to_the_operators_of_every_city_it_covers() {
        LiveHub hub = new LiveHub(SETTINGS);
        LiveClientTest.SlowSink xiangtan = new LiveClientTest.SlowSink();
        LiveClientTest.SlowSink zhuzhou = new LiveClientTest.SlowSink();
        LiveClientTest.SlowSink changsha = new LiveClientTest.SlowSink();
        hub.register(new LiveClient(city("430300"), xiangtan, SseImpl.INSTANCE, 2, Clock.systemUTC()));
        hub.register(new LiveClient(city("430200"), zhuzhou, SseImpl.INSTANCE, 2, Clock.systemUTC()));
        hub.register(new LiveClient(city("430100"), changsha, SseImpl.INSTANCE, 2, Clock.systemUTC()));
        AllianceSnapshot acrossCities = new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"),
                AllianceId.of("SA-0904"), "湘潭株洲心血管专科联盟", AllianceKind.SPECIALTY_ALLIANCE, InstitutionId.of("430302H0904"),
                List.of(InstitutionId.of("430302H0904")), List.of(DivisionCode.of("430302"), DivisionCode.of("430202")), List.of());

        hub.publish(new LiveUpdate(LiveUpdate.SCORE, "ALLIANCE:SA-0904:2025-06", Places.ofAlliance(acrossCities).orElseThrow(), "{}"));

        assertThat(xiangtan.sentIds()).containsExactly("score:ALLIANCE:SA-0904:2025-06");
        assertThat(zhuzhou.sentIds()).containsExactly("score:ALLIANCE:SA-0904:2025-06");
        assertThat(changsha.sentIds()).isEmpty();
    }

    /**
     * The user of 湘潭县's village clinic, a member of CC-430321 with the county hospital, follows as it reads ("Who reads
     * what"): its alliance's score and surplus projection and its own clinic's score — not the county hospital's score,
     * though the hospital is a fellow member naming the same alliance, and not 湘乡's community. Its buffer is 2 and
     * every write completes at once, so nothing is dropped for space: a missing update was refused.
     */
    @Test
    void an_institution_user_follows_its_alliance_and_its_own_institution_but_not_a_fellow_member() {
        LiveHub hub = new LiveHub(SETTINGS);
        LiveClientTest.SlowSink clinic = new LiveClientTest.SlowSink();
        Caller clinicUser = new Caller("user-430321V100901", Set.of(Role.INSTITUTION_USER),
                Scope.fromClaims(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("430321V100901")));
        hub.register(new LiveClient(clinicUser, clinic, SseImpl.INSTANCE, 2, Clock.systemUTC()));
        Places xiangtanCommunity = Places.ofAlliance(community("CC-430321", "430321H0901", "430321V100901", "430321")).orElseThrow();
        Places xiangxiangCommunity = Places.ofAlliance(community("CC-430381", "430381H0902", "430381V100902", "430381")).orElseThrow();

        for (LiveUpdate update : List.of(
                new LiveUpdate(LiveUpdate.SCORE, "ALLIANCE:CC-430321:2025-03", xiangtanCommunity, "{}"),
                new LiveUpdate(LiveUpdate.SURPLUS, "CC-430321|2025", xiangtanCommunity, "{}"),
                member("430321H0901", "430321", "CC-430321"),
                member("430321V100901", "430321100901", "CC-430321"),
                new LiveUpdate(LiveUpdate.SCORE, "ALLIANCE:CC-430381:2025-03", xiangxiangCommunity, "{}"),
                new LiveUpdate(LiveUpdate.SURPLUS, "CC-430381|2025", xiangxiangCommunity, "{}"))) {
            hub.publish(update);
            for (int write = 0; write < clinic.writes.size(); write++) {
                clinic.completeWrite(write);
            }
        }

        assertThat(clinic.sentIds()).containsExactly("score:ALLIANCE:CC-430321:2025-03", "surplus:CC-430321|2025",
                "score:INSTITUTION:430321V100901:2025-03");
    }

    private static AllianceSnapshot community(String id, String hospital, String village, String county) {
        return new AllianceSnapshot(EventId.of(UUID.randomUUID()), Instant.parse("2025-01-01T00:00:00Z"), AllianceId.of(id), "医共体 " + id,
                AllianceKind.COUNTY_COMMUNITY, InstitutionId.of(hospital), List.of(InstitutionId.of(hospital), InstitutionId.of(village)),
                List.of(DivisionCode.of(county)), List.of());
    }

    /** A member's score, placed as the matrix places an institution: its division, with the alliances it names. */
    private static LiveUpdate member(String institution, String division, String alliance) {
        return new LiveUpdate(LiveUpdate.SCORE, "INSTITUTION:" + institution + ":2025-03",
                Places.of(Jurisdiction.ofInstitution(institution, DivisionCode.of(division), Set.of(alliance))), "{}");
    }
}
