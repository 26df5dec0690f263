package cn.hunan.mma.navigation.registry.service;

/** The operator edited a version that is no longer current (someone else changed it since): 412. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String what) {
        super(what + " has changed since the version given in If-Match; read it again and reapply the change");
    }
}
