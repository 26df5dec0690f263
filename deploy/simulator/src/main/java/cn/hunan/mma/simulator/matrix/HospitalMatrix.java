package cn.hunan.mma.simulator.matrix;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synthetic hospital matrix of the whole province: geography with residents, institutions
 * with departments, alliances, the guidance catalogue, and for every county-level unit the
 * network its residents use. Areas are views of it ({@link AreaMatrix}), so an institution has the
 * same id and capacity whichever area is generated. Immutable once built.
 */
public final class HospitalMatrix {

    private final MatrixOptions options;
    private final Geography geography;
    private final List<Institution> institutions;
    private final Map<String, Institution> institutionsById;
    private final List<Alliance> alliances;
    private final GuidanceCatalogue catalogue;
    private final Map<String, CareNetwork> networks;

    HospitalMatrix(MatrixOptions options, Geography geography, List<Institution> institutions,
                   Map<String, Institution> institutionsById, List<Alliance> alliances, GuidanceCatalogue catalogue,
                   Map<String, CareNetwork> networks) {
        this.options = options;
        this.geography = geography;
        this.institutions = List.copyOf(institutions);
        this.institutionsById = Collections.unmodifiableMap(institutionsById);
        this.alliances = List.copyOf(alliances);
        this.catalogue = catalogue;
        this.networks = Collections.unmodifiableMap(networks);
    }

    public MatrixOptions options() {
        return options;
    }

    public Geography geography() {
        return geography;
    }

    /** Every institution, sorted by id. */
    public List<Institution> institutions() {
        return institutions;
    }

    public Optional<Institution> institution(String id) {
        return Optional.ofNullable(institutionsById.get(id));
    }

    /** Every alliance, sorted by id. */
    public List<Alliance> alliances() {
        return alliances;
    }

    public GuidanceCatalogue catalogue() {
        return catalogue;
    }

    /** The care network of a county-level unit with residents. */
    public CareNetwork network(String countyCode) {
        CareNetwork network = networks.get(countyCode);
        if (network == null) {
            throw new IllegalArgumentException("no residents in county-level unit " + countyCode);
        }
        return network;
    }
}
