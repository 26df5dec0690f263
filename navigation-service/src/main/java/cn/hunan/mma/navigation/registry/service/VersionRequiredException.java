package cn.hunan.mma.navigation.registry.service;

/** An edit of an existing row that does not say which version it changes (no If-Match): 428. */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException(String what) {
        super(what + " exists: send If-Match with the ETag of the version you edited");
    }
}
