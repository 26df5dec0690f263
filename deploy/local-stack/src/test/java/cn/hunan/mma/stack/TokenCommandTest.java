package cn.hunan.mma.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deploy/token} refuses, naming the option, what every service would answer 401 to. */
class TokenCommandTest {

    @TempDir
    Path projectRoot;

    private final StringWriter errors = new StringWriter();

    private int token(String... options) {
        CommandLine command = new CommandLine(new StackCommand());
        command.setErr(new PrintWriter(errors));
        command.setOut(new PrintWriter(new StringWriter()));
        String[] args = new String[options.length + 3];
        args[0] = "token";
        args[1] = "--project-root";
        args[2] = projectRoot.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return command.execute(args);
    }

    @Test
    void a_city_operator_token_for_a_city_is_minted() {
        assertThat(token("--role", "city-operator", "--city", "430300")).isZero();
        assertThat(errors.toString()).isEmpty();
    }

    @Test
    void a_county_code_given_as_the_city_is_refused_naming_the_option() {
        // 430321 is 湘潭县, a county of 湘潭市 (430300): a city claim must be the city's own code.
        assertThat(token("--role", "city-operator", "--city", "430321")).isEqualTo(2);
        assertThat(errors.toString()).contains("--city must be a prefecture-level division code").contains("430321 (county)");
    }

    @Test
    void a_city_code_given_as_the_province_and_a_malformed_code_are_refused() {
        assertThat(token("--role", "province-admin", "--province", "430300")).isEqualTo(2);
        assertThat(errors.toString()).contains("--province must be a province-level division code");
        assertThat(token("--role", "city-operator", "--city", "43x300")).isEqualTo(2);
        assertThat(errors.toString()).contains("--city '43x300' is not a GB/T 2260 division code");
    }

    @Test
    void a_lifetime_that_is_not_minutes_or_hours_is_refused_naming_the_option() {
        assertThat(token("--role", "auditor", "--province", "430000", "--ttl", "1d")).isEqualTo(2);
        assertThat(errors.toString()).contains("--ttl '1d' is not a lifetime");
    }
}
