package cn.hunan.mma.benchmark.scoring;

/** Lines a contender JVM prints for the parent, prefixed so they stand out from library logging. */
final class Protocol {

    static final String PREFIX = "@";

    private Protocol() {
    }

    static void send(String message) {
        System.out.println(PREFIX + message);
        System.out.flush();
    }
}
