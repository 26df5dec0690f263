package cn.hunan.mma.settlement.export;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A closed settlement as a spreadsheet (xlsx) and as CSV, with Chinese column headers. Amounts
 * are written as text with two decimals so no spreadsheet turns a fen into a binary fraction.
 */
public final class SettlementExport {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";

    private SettlementExport() {
    }

    public static byte[] xlsx(PeriodSettlement settlement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "mma-insurance-settlement", "1.0");
            Worksheet sheet = workbook.newWorksheet("结算分配");
            List<List<String>> rows = rows(settlement);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 with a byte-order mark (so Excel opens the Chinese headers correctly), RFC 4180 quoting. */
    public static byte[] csv(PeriodSettlement settlement) {
        String body = rows(settlement).stream()
                .map(row -> row.stream().map(SettlementExport::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(PeriodSettlement settlement) {
        String alliance = settlement.snapshot().allianceId().value();
        String period = settlement.snapshot().period().toString();
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(SettlementLine.HEADERS);
        SettlementLine.of(settlement).forEach(line -> rows.add(line.cells(alliance, period)));
        return rows;
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
