package cn.hunan.mma.platform.outbox;

import java.io.IOException;
import java.net.URI;

/**
 * A relay in its own JVM, so a test can kill it with SIGKILL. Prints {@value #STREAMING} once
 * started and stops when its standard input closes, which also happens when the test JVM dies.
 *
 * <p>Arguments: jdbc-url username password slot-name offset-topic bootstrap-servers source
 */
public final class RelayChildMain {

    static final String STREAMING = "RELAY-STREAMING";

    private RelayChildMain() {
    }

    public static void main(String[] args) throws IOException {
        TestLogging.toConsole();
        OutboxRelaySettings settings = OutboxRelaySettings.withDefaults(args[0], args[1], args[2], args[3],
                URI.create(args[6]), args[4], args[5]);
        try (OutboxRelay relay = new OutboxRelay(settings)) {
            relay.start();
            System.out.println(STREAMING);
            System.out.flush();
            while (System.in.read() != -1) {
                // the parent never writes; end of input means "stop"
            }
        }
    }
}
