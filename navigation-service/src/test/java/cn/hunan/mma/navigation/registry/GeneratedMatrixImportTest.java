package cn.hunan.mma.navigation.registry;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import cn.hunan.mma.navigation.registry.domain.MatrixFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Opt-in: imports a directory written by {@code deploy/simulate matrix} and prints how long it took.
 * Not part of the default build (the directory is not in the repository):
 * {@code ./mvnw -o -pl navigation-service verify -Dtest=GeneratedMatrixImportTest -Dregistry.matrix.dir=/tmp/xt-matrix}
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
@EnabledIfSystemProperty(named = "registry.matrix.dir", matches = ".+")
class GeneratedMatrixImportTest {

    @Test
    void the_generated_matrix_imports_without_rejections_and_then_reimports_unchanged() {
        Path directory = Path.of(System.getProperty("registry.matrix.dir"));
        String admin = TokenMinter.forTests().mint(TokenClaims.forSubject("hn-admin", "province-admin").inProvince("430000"));
        int records = Arrays.stream(MatrixFile.values()).mapToInt(file -> nonBlankLines(directory.resolve(file.fileName()))).sum();

        long started = System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(200)
                .body("rejectedRows", empty())
                .body("inserted", equalTo(records));
        Duration first = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("directory", directory.toString()))
                .when().post("/api/v1/registry/imports")
                .then().statusCode(200)
                .body("unchanged", equalTo(records));
        Duration again = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("registry import of %s: %d records, first %d ms, again (unchanged) %d ms%n",
                directory, records, first.toMillis(), again.toMillis());
    }

    private static int nonBlankLines(Path file) {
        try (var lines = Files.lines(file)) {
            return (int) lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
