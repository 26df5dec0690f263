package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;

import java.util.List;

/** One matrix file read: the decodable, first-of-their-id rows, and the lines refused. */
public record MatrixFileContent<S extends MatrixSnapshot>(List<NumberedSnapshot<S>> rows, List<RejectedRow> rejected) {

    public MatrixFileContent {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }
}
