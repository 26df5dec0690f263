package cn.hunan.mma.infra;

/**
 * Locks that hold across class loaders. Quarkus may load this library once per test application,
 * so a static monitor would be one per loader; an interned string is one object per JVM.
 */
final class JvmWideLock {

    private JvmWideLock() {
    }

    static Object named(String name) {
        return ("cn.hunan.mma.infra.lock:" + name).intern();
    }
}
