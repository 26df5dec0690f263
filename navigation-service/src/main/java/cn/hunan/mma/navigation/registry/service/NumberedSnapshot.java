package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.MatrixSnapshot;

/** A snapshot and the 1-based line it was read from, so later rejections can point at it. */
public record NumberedSnapshot<S extends MatrixSnapshot>(int line, S snapshot) {
}
