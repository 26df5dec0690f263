package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The four matrix files of a directory, read and decoded, with the lines refused while reading. */
record MatrixDirectoryContent(
        MatrixFileContent<InstitutionSnapshot> institutionFile,
        MatrixFileContent<AllianceSnapshot> allianceFile,
        MatrixFileContent<SpecialtySnapshot> specialtyFile,
        MatrixFileContent<GuidanceCatalogueEntry> guidanceFile) {

    static MatrixDirectoryContent read(MatrixFileReader reader, Path directory) {
        return new MatrixDirectoryContent(reader.read(directory, RegistryTable.INSTITUTIONS),
                reader.read(directory, RegistryTable.ALLIANCES),
                reader.read(directory, RegistryTable.SPECIALTIES),
                reader.read(directory, RegistryTable.GUIDANCE_CATALOGUE));
    }

    List<NumberedSnapshot<InstitutionSnapshot>> institutions() {
        return institutionFile.rows();
    }

    List<NumberedSnapshot<AllianceSnapshot>> alliances() {
        return allianceFile.rows();
    }

    List<NumberedSnapshot<SpecialtySnapshot>> specialties() {
        return specialtyFile.rows();
    }

    List<NumberedSnapshot<GuidanceCatalogueEntry>> guidance() {
        return guidanceFile.rows();
    }

    List<RejectedRow> rejectedOnReading() {
        return Stream.of(institutionFile, allianceFile, specialtyFile, guidanceFile)
                .flatMap(file -> file.rejected().stream()).toList();
    }
}
