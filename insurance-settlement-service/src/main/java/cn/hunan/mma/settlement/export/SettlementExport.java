package cn.hunan.mma.settlement.export;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A closed settlement as a spreadsheet (xlsx: the distribution sheet and a summary sheet) and as CSV (the distribution,
 * then after an empty line the summary), with Chinese column headers.
 *
 * <p>In the xlsx, amounts and other figures are number cells, so that a spreadsheet can add them up; the file holds
 * each as its exact decimal text (10852319.20), shown with two decimals for yuan. A spreadsheet computes in binary
 * floating point, which is exact to the fen for any amount below ¥10 billion. Before 2026-11-25 (4) amounts were text
 * cells and a SUM over them gave 0.
 */
public final class SettlementExport {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final String YUAN_FORMAT = "#,##0.00";

    private SettlementExport() {
    }

    public static byte[] xlsx(PeriodSettlement settlement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "mma-insurance-settlement", "1.0");
            List<List<Object>> lines = SettlementLine.rows(settlement);
            write(workbook.newWorksheet("结算分配"), SettlementLine.HEADERS, lines,
                    (row, column) -> SettlementLine.AMOUNT_COLUMNS.contains(column));
            List<List<Object>> summary = SettlementSummary.rows(settlement);
            write(workbook.newWorksheet("结算汇总"), SettlementSummary.HEADERS, summary,
                    (row, column) -> column == 1 && SettlementSummary.isAmount(summary.get(row)));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * UTF-8 with a byte-order mark (so Excel opens the Chinese headers correctly), RFC 4180 quoting. The summary follows
     * the distribution after an empty line, so the distribution keeps its first line and columns; before 2026-11-25 (9)
     * the CSV had no summary, and so said neither the rule version, nor the score source, nor whether floors were paid.
     */
    public static byte[] csv(PeriodSettlement settlement) {
        String body = table(SettlementLine.HEADERS, SettlementLine.rows(settlement)) + "\r\n"
                + table(SettlementSummary.HEADERS, SettlementSummary.rows(settlement));
        return ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String table(List<String> headers, List<List<Object>> rows) {
        return Stream.concat(Stream.of(List.<Object>copyOf(headers)), rows.stream())
                .map(row -> row.stream().map(SettlementExport::csvCell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** @param yuan whether the cell at (row, column) of {@code rows} holds yuan, shown with two decimals */
    private static void write(Worksheet sheet, List<String> headers, List<List<Object>> rows, BiPredicate<Integer, Integer> yuan) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof BigDecimal number) {
                    // The file holds the number's text: never an exponent (a scale below zero would give "4.2E+5").
                    sheet.value(r + 1, c, number.scale() < 0 ? number.setScale(0) : number);
                    if (yuan.test(r, c)) {
                        sheet.style(r + 1, c).format(YUAN_FORMAT).set();
                    }
                } else if (cell != null) {
                    sheet.value(r + 1, c, cell.toString());
                }
            }
        }
        sheet.freezePane(0, 1);
    }

    private static String csvCell(Object cell) {
        String text = cell instanceof BigDecimal number ? number.toPlainString() : Objects.toString(cell, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
