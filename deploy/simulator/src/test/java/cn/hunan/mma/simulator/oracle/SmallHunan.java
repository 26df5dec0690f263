package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.matrix.AllianceKind;
import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.io.MatrixFiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A hand-built matrix small enough to reason about:
 * <pre>
 * 湖南 430000
 * ├─ 湘潭市 430300
 * │  ├─ 湘潭县 430321   village clinic (101 村), township centre (101 乡镇), county hospital — alliance XTX-YGT-01 covers 430321
 * │  ├─ 湘乡市 430381   Xiangxiang hospital (COUNTY)                                            — alliance XXS-YGT-01 covers 430381
 * │  └─ 雨湖区 430302   Xiangtan central hospital (CITY)
 * └─ 长沙市 430100
 *    └─ 开福区 430105   Xiangya hospital (PROVINCE)
 * </pre>
 * Catalogue: J18 pneumonia → TOWNSHIP, I63 cerebral infarction → COUNTY, C34 lung cancer → CITY.
 */
final class SmallHunan {

    static final InstitutionId VILLAGE_CLINIC = InstitutionId.of("430321V0001");
    static final InstitutionId TOWNSHIP_CENTRE = InstitutionId.of("430321T0001");
    static final InstitutionId COUNTY_HOSPITAL = InstitutionId.of("430321H0001");
    static final InstitutionId XIANGXIANG_HOSPITAL = InstitutionId.of("430381H0001");
    static final InstitutionId CENTRAL_HOSPITAL = InstitutionId.of("430302H0001");
    static final InstitutionId XIANGYA_HOSPITAL = InstitutionId.of("430105H0001");

    static final AllianceId XIANGTAN_COUNTY_COMMUNITY = AllianceId.of("XTX-YGT-01");
    static final AllianceId XIANGXIANG_COMMUNITY = AllianceId.of("XXS-YGT-01");

    /** Places of residence. */
    static final DivisionCode XIANGTAN_COUNTY_TOWNSHIP = DivisionCode.of("430321101");
    static final DivisionCode XIANGTAN_COUNTY = DivisionCode.of("430321");
    static final DivisionCode XIANGXIANG = DivisionCode.of("430381");

    static final Scope PROVINCE = Scope.province("430000");
    static final Scope XIANGTAN_CITY = Scope.city("430300");
    static final Scope XIANGTAN_COUNTY_AREA = Scope.county("430321");
    static final Scope XIANGXIANG_AREA = Scope.county("430381");

    private static final Instant REGISTERED = Instant.parse("2024-12-01T00:00:00Z");

    private SmallHunan() {
    }

    static Path writeTo(Path directory) {
        MatrixFiles.write(directory.resolve(MatrixFiles.INSTITUTIONS), List.of(
                institution(VILLAGE_CLINIC, "湘潭县白石村卫生室", Level.VILLAGE, InstitutionKind.CLINIC, "430321101201",
                        XIANGTAN_COUNTY_COMMUNITY),
                institution(TOWNSHIP_CENTRE, "湘潭县白石镇卫生院", Level.TOWNSHIP, InstitutionKind.COMMUNITY, "430321101",
                        XIANGTAN_COUNTY_COMMUNITY),
                institution(COUNTY_HOSPITAL, "湘潭县人民医院", Level.COUNTY, InstitutionKind.GENERAL, "430321",
                        XIANGTAN_COUNTY_COMMUNITY),
                institution(XIANGXIANG_HOSPITAL, "湘乡市人民医院", Level.COUNTY, InstitutionKind.GENERAL, "430381",
                        XIANGXIANG_COMMUNITY),
                institution(CENTRAL_HOSPITAL, "湘潭市中心医院", Level.CITY, InstitutionKind.GENERAL, "430302", null),
                institution(XIANGYA_HOSPITAL, "中南大学湘雅医院", Level.PROVINCE, InstitutionKind.GENERAL, "430105", null)));
        MatrixFiles.write(directory.resolve(MatrixFiles.ALLIANCES), List.of(
                new AllianceSnapshot(id("alliance XTX"), REGISTERED, XIANGTAN_COUNTY_COMMUNITY, "湘潭县医共体",
                        AllianceKind.COUNTY_COMMUNITY, COUNTY_HOSPITAL,
                        List.of(COUNTY_HOSPITAL, TOWNSHIP_CENTRE, VILLAGE_CLINIC), List.of(XIANGTAN_COUNTY),
                        List.of(XIANGYA_HOSPITAL)),
                new AllianceSnapshot(id("alliance XXS"), REGISTERED, XIANGXIANG_COMMUNITY, "湘乡市医共体",
                        AllianceKind.COUNTY_COMMUNITY, XIANGXIANG_HOSPITAL,
                        List.of(XIANGXIANG_HOSPITAL), List.of(XIANGXIANG), List.of())));
        MatrixFiles.write(directory.resolve(MatrixFiles.SPECIALTIES), List.of());
        MatrixFiles.write(directory.resolve(MatrixFiles.GUIDANCE_CATALOGUE), List.of(
                catalogue("J18", Level.TOWNSHIP),
                catalogue("I63", Level.COUNTY),
                catalogue("C34", Level.CITY)));
        return directory;
    }

    static Scope scopeOf(InstitutionId institution) {
        return Scope.institution(institution.value());
    }

    static Scope scopeOf(AllianceId alliance) {
        return Scope.alliance(alliance.value());
    }

    private static InstitutionSnapshot institution(InstitutionId id, String name, Level level, InstitutionKind kind,
                                                   String division, AllianceId alliance) {
        return new InstitutionSnapshot(id("institution " + id), REGISTERED, id, name, level, kind, DivisionCode.of(division),
                null, null, alliance == null ? List.of() : List.of(alliance), true);
    }

    private static GuidanceCatalogueEntry catalogue(String prefix, Level level) {
        return new GuidanceCatalogueEntry(id("catalogue " + prefix), REGISTERED, Icd10Code.of(prefix), level, false, "test-1");
    }

    private static EventId id(String label) {
        return Events.id(label);
    }
}
