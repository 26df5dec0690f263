package cn.hunan.mma.navigation.registry.domain;

/** The files of a matrix directory the registry imports, in the order they must be imported. */
public enum MatrixFile {
    INSTITUTIONS("institutions.jsonl"),
    ALLIANCES("alliances.jsonl"),
    SPECIALTIES("specialties.jsonl"),
    GUIDANCE_CATALOGUE("guidance-catalogue.jsonl");

    private final String fileName;

    MatrixFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
