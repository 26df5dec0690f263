package cn.hunan.mma.settlement.export;

import cn.hunan.mma.settlement.rules.close.PeriodSettlement;
import cn.hunan.mma.settlement.rules.close.XiangtanClose;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementExportTest {

    private static final PeriodSettlement SETTLEMENT = PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00"));

    @Test
    void the_xlsx_reads_back_with_chinese_headers_and_one_row_per_member_and_partner() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(SettlementExport.xlsx(SETTLEMENT)))) {
            List<Row> rows = workbook.getFirstSheet().read();

            assertThat(rows.get(0).getCell(2).getText()).isEqualTo("机构编号");
            assertThat(rows.get(0).getCell(10).getText()).isEqualTo("分配金额(元)");
            assertThat(rows).hasSize(6);
            assertThat(rows.get(4).getCell(2).getText()).isEqualTo("430105H0001");
            // 300 : 100 of the ¥2,025,000 tertiary pool
            assertThat(rows.get(4).getCell(10).getText()).isEqualTo("506250.00");
            assertThat(rows.get(5).getCell(10).getText()).isEqualTo("1518750.00");
        }
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_and_the_chinese_headers() {
        String csv = new String(SettlementExport.csv(SETTLEMENT), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF联盟编号,结算期间,机构编号,类别");
        assertThat(csv.split("\r\n")).hasSize(6);
        assertThat(csv).contains("XTX-YGT-01,2025,430302H0001,协作三级医院");
    }
}
