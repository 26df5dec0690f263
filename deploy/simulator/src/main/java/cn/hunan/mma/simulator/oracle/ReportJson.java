package cn.hunan.mma.simulator.oracle;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.events.value.Reason;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the report as JSON in a fixed order — delivery, then scopes broadest first, periods by
 * year, half and month, figures in {@link Figures} order — and without timings or absolute
 * paths, so that two runs over the same input produce identical files. Money is yuan text as
 * in the contract ("1234.50"); ratios are JSON numbers with their scale ({@code 0.500000}).
 */
final class ReportJson {

    static final int FORMAT_VERSION = 1;

    private ReportJson() {
    }

    static void write(OracleReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                write(report, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the oracle report to " + file, e);
        }
    }

    static void write(OracleReport report, OutputStream out) throws IOException {
        JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        DefaultIndenter newlines = new DefaultIndenter("  ", "\n");
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(newlines).withArrayIndenter(newlines));
            json.writeStartObject();
            json.writeStringField("report", "oracle");
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeStringField("events", report.eventFileName());
            writeMatrix(json, report.matrix());
            writeDelivery(json, report.delivery());
            writeFigures(json, report);
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeMatrix(JsonGenerator json, OracleReport.MatrixSummary matrix) throws IOException {
        json.writeObjectFieldStart("matrix");
        json.writeNumberField("institutions", matrix.institutions());
        json.writeNumberField("alliances", matrix.alliances());
        json.writeNumberField("catalogueEntries", matrix.catalogueEntries());
        json.writeEndObject();
    }

    private static void writeDelivery(JsonGenerator json, DeliveryStats delivery) throws IOException {
        json.writeObjectFieldStart("delivery");
        json.writeNumberField("lines", delivery.lines());
        writeCounts(json, "linesByTopic", delivery.linesByTopic());
        json.writeNumberField("unknownTopicLines", delivery.unknownTopicLines());
        json.writeNumberField("notAggregatedLines", delivery.notAggregatedLines());
        json.writeObjectFieldStart("deadLettered");
        json.writeNumberField("total", delivery.deadLetteredTotal());
        json.writeObjectFieldStart("byReason");
        for (Map.Entry<Reason, Long> entry : delivery.deadLettered().entrySet()) {
            json.writeNumberField(entry.getKey().name(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeNumberField("duplicatesIgnored", delivery.duplicatesIgnored());
        json.writeNumberField("conflictingDuplicates", delivery.conflictingDuplicates());
        json.writeNumberField("corrections", delivery.corrections());
        json.writeNumberField("selfCorrections", delivery.selfCorrections());
        json.writeNumberField("namedMoreThanOnce", delivery.namedMoreThanOnce());
        json.writeNumberField("supersededBeforeArrival", delivery.supersededBeforeArrival());
        json.writeNumberField("supersededAfterCounting", delivery.supersededAfterCounting());
        json.writeNumberField("correctedButNeverDelivered", delivery.correctedButNeverDelivered());
        json.writeObjectFieldStart("counted");
        json.writeNumberField("total", delivery.countedTotal());
        writeCounts(json, "byType", delivery.countedByType());
        json.writeEndObject();
        json.writeNumberField("atUnknownInstitutions", delivery.atUnknownInstitutions());
        json.writeNumberField("referralsWithoutRequest", delivery.referralsWithoutRequest());
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String name, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeFigures(JsonGenerator json, OracleReport report) throws IOException {
        json.writeObjectFieldStart("figures");
        for (Scope scope : report.scopes()) {
            json.writeObjectFieldStart(scope.toString());
            for (Period period : report.periods(scope)) {
                Map<String, FigureValue> figures = report.figures(scope, period);
                if (figures.isEmpty()) {
                    continue;
                }
                json.writeObjectFieldStart(period.toString());
                for (Map.Entry<String, FigureValue> figure : figures.entrySet()) {
                    json.writeFieldName(figure.getKey());
                    writeValue(json, figure.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** A volume as a bare value; an indicator as numerator, denominator and ratio (null when undefined). */
    private static void writeValue(JsonGenerator json, FigureValue value) throws IOException {
        if (value.isVolume()) {
            writeQuantity(json, value.numerator());
            return;
        }
        json.writeStartObject();
        json.writeFieldName("numerator");
        writeQuantity(json, value.numerator());
        json.writeFieldName("denominator");
        writeQuantity(json, value.denominator());
        if (value.ratio() == null) {
            json.writeNullField("ratio");
        } else {
            json.writeNumberField("ratio", value.ratio());
        }
        json.writeEndObject();
    }

    private static void writeQuantity(JsonGenerator json, Quantity quantity) throws IOException {
        if (quantity.unit() == Quantity.Unit.FEN) {
            json.writeString(quantity.toString());
        } else {
            json.writeNumber(quantity.amount());
        }
    }
}
