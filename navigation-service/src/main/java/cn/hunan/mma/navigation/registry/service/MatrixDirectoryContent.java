package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.AllianceSnapshot;
import cn.hunan.mma.events.matrix.GuidanceCatalogueEntry;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The four matrix files of a directory, read and decoded, with the lines refused while reading. */
record MatrixDirectoryContent(
        String institutionFileName,
        MatrixFileContent<InstitutionSnapshot> institutionFile,
        MatrixFileContent<AllianceSnapshot> allianceFile,
        MatrixFileContent<SpecialtySnapshot> specialtyFile,
        MatrixFileContent<GuidanceCatalogueEntry> guidanceFile) {

    /**
     * Institutions come from {@code institutions.jsonl}, or, when the directory has none, from
     * {@value InstitutionCsvReader#FILE_NAME}.
     */
    static MatrixDirectoryContent read(MatrixFileReader reader, InstitutionCsvReader csv, Path directory) {
        Path csvFile = directory.resolve(InstitutionCsvReader.FILE_NAME);
        boolean fromCsv = !Files.isRegularFile(directory.resolve(RegistryTable.INSTITUTIONS.file().fileName()))
                && Files.isRegularFile(csvFile);
        return new MatrixDirectoryContent(
                fromCsv ? InstitutionCsvReader.FILE_NAME : RegistryTable.INSTITUTIONS.file().fileName(),
                fromCsv ? csv.read(csvFile) : reader.read(directory, RegistryTable.INSTITUTIONS),
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
