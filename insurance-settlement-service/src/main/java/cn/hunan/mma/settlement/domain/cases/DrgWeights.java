package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.DrgCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Relative weights of the DRG subgroups (相对权重). The default is the real 2023 table used by
 * Changsha, Zhuzhou, Xiangtan and Hengyang (resource {@value #CHANGSHA_2023}, attribution in
 * drg/SOURCES.md); groups listed without a weight have none, and their discharges are refused (dead-lettered).
 */
public final class DrgWeights {

    public static final String CHANGSHA_2023 = "/drg/chs_drg_changsha_2023.csv";

    private final Map<String, BigDecimal> weights;

    private DrgWeights(Map<String, BigDecimal> weights) {
        this.weights = Map.copyOf(weights);
    }

    public static DrgWeights changsha2023() {
        try (InputStream in = DrgWeights.class.getResourceAsStream(CHANGSHA_2023)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CHANGSHA_2023);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code drg_code,drg_name,relative_weight,…} with a header row; an empty weight means none. */
    public static DrgWeights read(InputStream csv) throws IOException {
        Map<String, BigDecimal> weights = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("drg_code,drg_name,relative_weight")) {
            throw new IllegalArgumentException("not a DRG weight table: header " + header);
        }
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] cells = line.split(",", -1);
            if (!cells[2].isBlank()) {
                weights.put(DrgCode.of(cells[0]).value(), new BigDecimal(cells[2]));
            }
        }
        return new DrgWeights(weights);
    }

    public Optional<BigDecimal> weightOf(DrgCode group) {
        return Optional.ofNullable(weights.get(group.value()));
    }

    public int size() {
        return weights.size();
    }
}
