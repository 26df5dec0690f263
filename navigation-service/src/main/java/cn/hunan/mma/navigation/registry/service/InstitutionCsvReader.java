package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.PlausibleCoordinates;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@value #FILE_NAME}: institutions as operators keep them in a spreadsheet. Lines starting
 * with {@code #} are comments; the first other line must be exactly {@value #HEADER}. Fields are
 * comma-separated, optionally in double quotes (a doubled quote inside is a quote); latitude and
 * longitude may be empty together; {@code alliance_ids} lists ids separated by {@code ;}.
 * A row gets a new event id and the reading time: rows whose content the registry already holds
 * are still "unchanged" (content is compared, not event ids), so importing a file twice publishes
 * nothing the second time. Bad rows are reported like bad {@code .jsonl} lines, a row not in UTF-8 among
 * them; a byte-order mark before the first line (Excel writes one) is skipped.
 */
public final class InstitutionCsvReader {

    public static final String FILE_NAME = "institutions.csv";
    public static final String HEADER = "institution_id,name,level,kind,division_code,latitude,longitude,alliance_ids,active";
    static final String BAD_HEADER = "BAD_HEADER";
    static final String MALFORMED_ROW = "MALFORMED_ROW";

    private static final int COLUMNS = HEADER.split(",").length;

    private final Clock clock;

    public InstitutionCsvReader(Clock clock) {
        this.clock = clock;
    }

    public MatrixFileContent<InstitutionSnapshot> read(Path file) {
        List<NumberedSnapshot<InstitutionSnapshot>> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant readAt = clock.instant();
        Utf8Lines lines;
        try {
            lines = Utf8Lines.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE_NAME, e);
        }
        boolean headerRead = false;
        for (Utf8Lines.Line numbered = lines.next(); numbered != null; numbered = lines.next()) {
            int lineNumber = numbered.number();
            if (numbered instanceof Utf8Lines.Undecodable undecodable) {
                if (undecodable.validStart().startsWith("#")) {
                    continue; // a comment, whatever its encoding
                }
                if (!headerRead) {
                    rejected.add(new RejectedRow(FILE_NAME, lineNumber, BAD_HEADER,
                            "the header must be " + HEADER + "; " + undecodable.detail()));
                    return new MatrixFileContent<>(List.of(), rejected);
                }
                rejected.add(new RejectedRow(FILE_NAME, lineNumber, Utf8Lines.MALFORMED_ENCODING, undecodable.detail()));
                continue;
            }
            String line = ((Utf8Lines.Text) numbered).text();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerRead) {
                if (!line.strip().replace("\uFEFF", "").equals(HEADER)) {
                    rejected.add(new RejectedRow(FILE_NAME, lineNumber, BAD_HEADER, "the header must be " + HEADER));
                    return new MatrixFileContent<>(List.of(), rejected);
                }
                headerRead = true;
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() != COLUMNS) {
                rejected.add(new RejectedRow(FILE_NAME, lineNumber, MALFORMED_ROW,
                        "expected " + COLUMNS + " fields, found " + fields.size()));
                continue;
            }
            try {
                InstitutionSnapshot snapshot = snapshot(fields, readAt);
                if (seen.add(snapshot.institutionId().value())) {
                    rows.add(new NumberedSnapshot<>(lineNumber, snapshot));
                } else {
                    rejected.add(new RejectedRow(FILE_NAME, lineNumber, MatrixRules.DUPLICATE_ID,
                            "the id already appeared earlier in the file; the first occurrence was kept"));
                }
            } catch (ContractViolation violation) {
                rejected.add(new RejectedRow(FILE_NAME, lineNumber, violation.reason().name(),
                        violation.getMessage()));
            } catch (RegistryRuleException broken) {
                rejected.add(new RejectedRow(FILE_NAME, lineNumber, broken.violation().reason(), broken.getMessage()));
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRow(FILE_NAME, lineNumber, MALFORMED_ROW, e.getMessage()));
            }
        }
        return new MatrixFileContent<>(rows, rejected);
    }

    private static InstitutionSnapshot snapshot(List<String> f, Instant readAt) {
        List<AllianceId> alliances = f.get(7).isBlank() ? List.of()
                : Arrays.stream(f.get(7).split(";")).map(String::strip).map(AllianceId::of).toList();
        BigDecimal latitude = decimal(f.get(5), "latitude");
        BigDecimal longitude = decimal(f.get(6), "longitude");
        // Before the contract, which would refuse a swapped pair as "latitude between -90 and 90" and not say why.
        PlausibleCoordinates.problem(latitude, longitude).ifPresent(violation -> {
            throw new RegistryRuleException(violation);
        });
        return new InstitutionSnapshot(EventId.random(), readAt, InstitutionId.of(f.get(0)), f.get(1),
                named(Level.class, f.get(2), "level"), named(InstitutionKind.class, f.get(3), "kind"),
                DivisionCode.of(f.get(4)), latitude, longitude, alliances, bool(f.get(8)));
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + ": must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static BigDecimal decimal(String value, String column) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": must be a decimal number of degrees");
        }
    }

    private static boolean bool(String value) {
        return switch (value.strip()) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("active: must be true or false");
        };
    }

    /** Splits one line; quoted fields may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
