package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code in the shared reference data (../shared/data beside the project) is accepted: the
 * code patterns were written for these editions. Skipped when the data is not checked out.
 */
class ReferenceDataCodesTest {

    private static final Path DATA = Path.of("..", "..", "shared", "data");

    @ParameterizedTest(name = "{0} column {1}")
    @CsvSource({
            "icd10_cn.csv, 0, ICD10",
            "icd10_cn_yibao_v2.csv, 0, ICD10",
            "icd9cm3_cn_yibao_v2.csv, 0, ICD9CM3",
            "chs_drg_changsha_2023.csv, 0, DRG",
            "chs_drg.csv, 5, DRG",
            "hunan_divisions.csv, 0, DIVISION",
            "hunan_villages.csv, 0, DIVISION"})
    void accepts_every_code_of_the_shared_reference_data(String file, int column, String kind) throws IOException {
        Path csv = DATA.resolve(file);
        Assumptions.assumeTrue(Files.exists(csv), "reference data not present at " + csv.toAbsolutePath());
        Consumer<String> parse = switch (kind) {
            case "ICD10" -> Icd10Code::of;
            case "ICD9CM3" -> Icd9Cm3Code::of;
            case "DRG" -> DrgCode::of;
            default -> DivisionCode::of;
        };
        List<String> codes;
        try (Stream<String> lines = Files.lines(csv)) {
            codes = lines.skip(1).map(line -> line.split(",", -1)[column]).toList();
        }

        List<String> refused = codes.stream().filter(code -> !accepts(parse, code)).limit(5).toList();

        assertThat(codes).hasSizeGreaterThan(100);
        assertThat(refused).as("codes refused from %s", file).isEmpty();
    }

    private static boolean accepts(Consumer<String> parse, String code) {
        try {
            parse.accept(code);
            return true;
        } catch (ContractViolation e) {
            return false;
        }
    }
}
