package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.value.Level;

import java.util.List;

import static cn.hunan.mma.simulator.matrix.ServiceLine.*;

/**
 * The kinds of institution the matrix is made of, with the departments each kind has and the
 * share of its clinic slots held as expert clinics.
 */
enum InstitutionType {
    VILLAGE_CLINIC(Level.VILLAGE, InstitutionKind.CLINIC, 0, List.of(GENERAL_MEDICINE)),
    COMMUNITY_STATION(Level.VILLAGE, InstitutionKind.CLINIC, 0, List.of(GENERAL_MEDICINE)),
    TOWNSHIP_CENTRE(Level.TOWNSHIP, InstitutionKind.COMMUNITY, 0, List.of(
            GENERAL_MEDICINE, INTERNAL_MEDICINE, SURGERY, OBSTETRICS_GYNECOLOGY, PEDIATRICS, TCM, REHABILITATION,
            PUBLIC_HEALTH)),
    COMMUNITY_CENTRE(Level.TOWNSHIP, InstitutionKind.COMMUNITY, 0, List.of(
            GENERAL_MEDICINE, INTERNAL_MEDICINE, PEDIATRICS, TCM, REHABILITATION, PUBLIC_HEALTH)),
    COUNTY_GENERAL(Level.COUNTY, InstitutionKind.GENERAL, 0.15, Lines.COUNTY_GENERAL),
    COUNTY_TCM(Level.COUNTY, InstitutionKind.TCM, 0.15, Lines.TCM_HOSPITAL),
    COUNTY_MATERNAL_CHILD(Level.COUNTY, InstitutionKind.MATERNAL_CHILD, 0.15, Lines.MATERNAL_CHILD),
    CITY_GENERAL(Level.CITY, InstitutionKind.GENERAL, 0.25, Lines.TERTIARY_GENERAL),
    CITY_TCM(Level.CITY, InstitutionKind.TCM, 0.25, Lines.TERTIARY_TCM),
    CITY_MATERNAL_CHILD(Level.CITY, InstitutionKind.MATERNAL_CHILD, 0.25, Lines.TERTIARY_MATERNAL_CHILD),
    PROVINCE_GENERAL(Level.PROVINCE, InstitutionKind.GENERAL, 0.35, Lines.TERTIARY_GENERAL),
    PROVINCE_TCM(Level.PROVINCE, InstitutionKind.TCM, 0.35, Lines.TERTIARY_TCM),
    PROVINCE_MATERNAL_CHILD(Level.PROVINCE, InstitutionKind.MATERNAL_CHILD, 0.35, Lines.TERTIARY_MATERNAL_CHILD),
    PROVINCE_CHILDREN(Level.PROVINCE, InstitutionKind.MATERNAL_CHILD, 0.35, List.of(
            EMERGENCY, PEDIATRICS, NEONATOLOGY, CHILD_HEALTH, CRITICAL_CARE, GENERAL_SURGERY, ORTHOPEDICS,
            NEUROSURGERY, CARDIOTHORACIC_SURGERY, HEMATOLOGY, OPHTHALMOLOGY, OTOLARYNGOLOGY, REHABILITATION)),
    PROVINCE_CANCER(Level.PROVINCE, InstitutionKind.GENERAL, 0.35, List.of(
            ONCOLOGY, HEMATOLOGY, GENERAL_SURGERY, GYNECOLOGY, CARDIOTHORACIC_SURGERY, UROLOGY, OTOLARYNGOLOGY,
            RESPIRATORY, GASTROENTEROLOGY, CRITICAL_CARE, INTERNAL_MEDICINE)),
    PROVINCE_BRAIN(Level.PROVINCE, InstitutionKind.GENERAL, 0.35, List.of(
            EMERGENCY, PSYCHIATRY, NEUROLOGY, NEUROSURGERY, REHABILITATION, CRITICAL_CARE, INTERNAL_MEDICINE));

    private final Level level;
    private final InstitutionKind kind;
    private final double expertShare;
    private final List<ServiceLine> lines;

    InstitutionType(Level level, InstitutionKind kind, double expertShare, List<ServiceLine> lines) {
        this.level = level;
        this.kind = kind;
        this.expertShare = expertShare;
        this.lines = lines;
    }

    Level level() {
        return level;
    }

    InstitutionKind kind() {
        return kind;
    }

    /** Share of a department's slots that are expert clinics, where the department holds them. */
    double expertShare() {
        return expertShare;
    }

    List<ServiceLine> lines() {
        return lines;
    }

    /** Department sets shared by several types. */
    private static final class Lines {
        static final List<ServiceLine> COUNTY_GENERAL = List.of(
                EMERGENCY, CARDIOLOGY, RESPIRATORY, GASTROENTEROLOGY, NEUROLOGY, ENDOCRINOLOGY, NEPHROLOGY, ONCOLOGY,
                INFECTIOUS_DISEASES, GENERAL_SURGERY, ORTHOPEDICS, NEUROSURGERY, UROLOGY, OBSTETRICS, GYNECOLOGY,
                PEDIATRICS, NEONATOLOGY, OPHTHALMOLOGY, OTOLARYNGOLOGY, STOMATOLOGY, DERMATOLOGY, REHABILITATION,
                CRITICAL_CARE, TCM, GENERAL_MEDICINE);
        static final List<ServiceLine> TERTIARY_GENERAL = List.of(
                EMERGENCY, CARDIOLOGY, RESPIRATORY, GASTROENTEROLOGY, NEUROLOGY, ENDOCRINOLOGY, NEPHROLOGY, HEMATOLOGY,
                ONCOLOGY, INFECTIOUS_DISEASES, GENERAL_SURGERY, ORTHOPEDICS, NEUROSURGERY, CARDIOTHORACIC_SURGERY,
                UROLOGY, OBSTETRICS, GYNECOLOGY, PEDIATRICS, NEONATOLOGY, OPHTHALMOLOGY, OTOLARYNGOLOGY, STOMATOLOGY,
                DERMATOLOGY, PSYCHIATRY, REHABILITATION, CRITICAL_CARE, TCM, GENERAL_MEDICINE);
        static final List<ServiceLine> TCM_HOSPITAL = List.of(
                EMERGENCY, TCM_INTERNAL_MEDICINE, ACUPUNCTURE, TCM_ORTHOPEDICS, REHABILITATION, GENERAL_SURGERY,
                GYNECOLOGY, PEDIATRICS, CARDIOLOGY, DERMATOLOGY);
        static final List<ServiceLine> TERTIARY_TCM = List.of(
                EMERGENCY, TCM_INTERNAL_MEDICINE, ACUPUNCTURE, TCM_ORTHOPEDICS, REHABILITATION, GENERAL_SURGERY,
                GYNECOLOGY, PEDIATRICS, CARDIOLOGY, NEUROLOGY, ENDOCRINOLOGY, NEPHROLOGY, ONCOLOGY, DERMATOLOGY,
                CRITICAL_CARE);
        static final List<ServiceLine> MATERNAL_CHILD = List.of(
                OBSTETRICS, GYNECOLOGY, PEDIATRICS, NEONATOLOGY, CHILD_HEALTH);
        static final List<ServiceLine> TERTIARY_MATERNAL_CHILD = List.of(
                OBSTETRICS, GYNECOLOGY, PEDIATRICS, NEONATOLOGY, CHILD_HEALTH, CRITICAL_CARE, OPHTHALMOLOGY,
                OTOLARYNGOLOGY);

        private Lines() {
        }
    }
}
