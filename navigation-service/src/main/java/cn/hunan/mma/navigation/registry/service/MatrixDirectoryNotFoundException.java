package cn.hunan.mma.navigation.registry.service;

import java.nio.file.Path;

/** The import names a path that is not a directory the service can read. */
public class MatrixDirectoryNotFoundException extends RuntimeException {

    public MatrixDirectoryNotFoundException(Path directory) {
        super("no matrix directory at " + directory);
    }
}
