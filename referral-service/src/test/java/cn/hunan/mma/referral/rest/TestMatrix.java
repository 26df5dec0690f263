package cn.hunan.mma.referral.rest;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.matrix.SpecialtyTag;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.topic.Topics;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.referral.messaging.MatrixView;
import cn.hunan.mma.referral.persistence.MatrixDepartments;
import io.quarkus.arc.Arc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Institutions of their own for one test class, published on the matrix topics as navigation would:
 * a township centre and the county hospital in 湘潭县, a provincial hospital in 长沙 (whose city
 * requires review in the test profile) and a county hospital in 张家界 nobody else in the test knows,
 * each with the {@link #DEPARTMENTS} the tests refer patients to.
 */
final class TestMatrix {

    private static final Icd10Code HYPERTENSION = Icd10Code.of("I10");
    /** The departments each test institution has, as the matrix states them: every department the tests refer to. */
    static final List<String> DEPARTMENTS = List.of("GENERAL", "CARDIO", "GASTRO", "ORTHO", "DERM", "ENT", "ENDO",
            "NEURO", "OPHTH");

    final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    final InstitutionId township = InstitutionId.of("430321T" + suffix);
    final InstitutionId county = InstitutionId.of("430321H" + suffix);
    final InstitutionId provincial = InstitutionId.of("430102P" + suffix);
    final InstitutionId zhangjiajie = InstitutionId.of("430802H" + suffix);
    /** The county medical community (医共体) of 湘潭县: the county hospital leads, the township centre is a member. */
    final AllianceId xiangtanCounty = AllianceId.of("MC-430321-" + suffix);

    /**
     * Publishes the institutions and the catalogue entry, waits until the service's view holds them, and only then
     * the bed report. The matrix topics and the capacity topic are read by consumers of their own, so nothing but
     * this wait orders them: the ledger sizes a pool by the share of the city the view places the hospital in when
     * the report is applied (one that beats its institution gets the default share, for good), and a referral is
     * flagged against the catalogue as it stands when the referral is created. Callers that send capacity events
     * after this returns may rely on the matrix being known.
     */
    void publish(ContractTopicProducer producer, MatrixView view) throws Exception {
        producer.send(Topics.INSTITUTIONS, institution(township, "射埠镇卫生院", Level.TOWNSHIP, "430321100", List.of(xiangtanCounty)));
        producer.send(Topics.INSTITUTIONS, institution(county, "湘潭县人民医院", Level.COUNTY, "430321", List.of(xiangtanCounty)));
        producer.send(Topics.INSTITUTIONS, institution(provincial, "湖南省人民医院", Level.PROVINCE, "430102", List.of()));
        producer.send(Topics.INSTITUTIONS, institution(zhangjiajie, "永定区人民医院", Level.COUNTY, "430802", List.of()));
        // Hypertension is kept at township level: referring it up from a township centre is flagged.
        producer.send(Topics.GUIDANCE_CATALOGUE, new GuidanceCatalogueEntry(EventId.random(), now(), HYPERTENSION,
                Level.TOWNSHIP, true, "HN-2025"));
        for (InstitutionId institution : all()) {
            for (String department : DEPARTMENTS) {
                producer.send(Topics.SPECIALTIES, specialty(institution, department));
            }
        }
        // 60 s: the first test of a class also waits for the matrix consumers' first group join.
        await().atMost(Duration.ofSeconds(60)).until(() -> all().stream().allMatch(id -> view.institution(id).isPresent())
                && view.lowestInpatientLevel(HYPERTENSION).isPresent() && departmentsStated());
        // 40 beds, none reserved by the hospital: the city's 20% holds 8 for referrals.
        producer.send(Topics.CAPACITY, new BedStatusReported(EventId.random(), now(), county, DepartmentId.of("CARDIO"),
                40, 30, 0, null));
    }

    /** Whether the service holds every department published for these institutions (a referral may name any of them). */
    private boolean departmentsStated() {
        MatrixDepartments departments = Arc.container().instance(MatrixDepartments.class).get();
        return all().stream().allMatch(institution -> DEPARTMENTS.stream().allMatch(department -> departments
                .receiving(new ReferralParty(institution, DepartmentId.of(department)))
                .await().atMost(Duration.ofSeconds(10)).stated()));
    }

    static SpecialtySnapshot specialty(InstitutionId institution, String department) {
        return new SpecialtySnapshot(EventId.random(), now(), institution, DepartmentId.of(department),
                department.toLowerCase(Locale.ROOT), SpecialtyTag.ORDINARY);
    }

    /** States the county hospital retired, as navigation publishes a retirement, and waits until the view has it. */
    void retireCounty(ContractTopicProducer producer, MatrixView view) throws Exception {
        producer.send(Topics.INSTITUTIONS, institution(county, "湘潭县人民医院", Level.COUNTY, "430321", List.of(xiangtanCounty), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> view.institution(county).map(profile -> !profile.active()).orElse(false));
    }

    List<InstitutionId> all() {
        return List.of(township, county, provincial, zhangjiajie);
    }

    static String userAt(InstitutionId institution) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("doctor@" + institution.value(), "institution-user")
                .atInstitution(institution.value()));
    }

    static String auditorOfCity(String city) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("auditor-" + city, "auditor").inCity(city));
    }

    static String operatorOfCity(String city) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("operator-" + city, "city-operator").inCity(city));
    }

    static String operatorOfAlliance(AllianceId alliance) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject("operator-" + alliance.value(), "alliance-operator")
                .inAlliance(alliance.value()));
    }

    private static InstitutionSnapshot institution(InstitutionId id, String name, Level level, String division,
                                                   List<AllianceId> alliances) {
        return institution(id, name, level, division, alliances, true);
    }

    private static InstitutionSnapshot institution(InstitutionId id, String name, Level level, String division,
                                                   List<AllianceId> alliances, boolean active) {
        return new InstitutionSnapshot(EventId.random(), now(), id, name, level, InstitutionKind.GENERAL,
                DivisionCode.of(division), null, null, alliances, active);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
