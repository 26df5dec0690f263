package cn.hunan.mma.simulator.matrix;

/**
 * Names in the style Hunan uses (湘潭县人民医院, 易俗河镇卫生院, 识字里社区卫生服务站). All names
 * are synthetic: they follow the divisions, not a register of real institutions.
 */
final class InstitutionNames {

    private static final String[] ORDINALS = {"第一", "第二", "第三", "第四", "第五", "第六"};

    private InstitutionNames() {
    }

    static String villageClinic(String villageName) {
        String base = strip(villageName, "村民委员会", "村委会", "委员会");
        return (base.endsWith("村") ? base : base + "村") + "卫生室";
    }

    static String communityStation(String communityName) {
        String base = strip(communityName, "社区居民委员会", "社区居委会", "居民委员会", "居委会", "委员会");
        return base + "社区卫生服务站";
    }

    static String townshipCentre(String townshipName, boolean street) {
        return street ? townshipName + "社区卫生服务中心" : townshipName + "卫生院";
    }

    static String countyHospital(String countyName, InstitutionType type) {
        return countyName + suffix(type);
    }

    static String cityGeneralHospital(String prefectureName, int ordinal) {
        return prefectureName + ORDINALS[ordinal] + "人民医院";
    }

    static String cityHospital(String prefectureName, InstitutionType type) {
        return prefectureName + suffix(type);
    }

    private static String suffix(InstitutionType type) {
        return switch (type.kind()) {
            case TCM -> "中医医院";
            case MATERNAL_CHILD -> "妇幼保健院";
            default -> "人民医院";
        };
    }

    private static String strip(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
