package cn.hunan.mma.platform.outbox;

import io.quarkus.bootstrap.logging.InitialConfigurator;

import org.jboss.logmanager.LogContext;

import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Log output for plain JUnit tests. Quarkus (on this module's classpath) installs a log handler
 * that buffers everything until a Quarkus application configures logging, which never happens
 * here; this sends the buffer and all further records to the console instead.
 */
final class TestLogging {

    private TestLogging() {
    }

    static synchronized void toConsole() {
        if (!InitialConfigurator.DELAYED_HANDLER.isActivated()) {
            InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {InitialConfigurator.createDefaultHandler()});
        }
        // Client and engine configuration dumps drown the relay's own lines.
        for (String chatty : new String[] {"org.apache.kafka", "io.debezium", "org.flywaydb", "io.zonky"}) {
            LogContext.getLogContext().getLogger(chatty).setLevel(Level.WARNING);
        }
    }
}
