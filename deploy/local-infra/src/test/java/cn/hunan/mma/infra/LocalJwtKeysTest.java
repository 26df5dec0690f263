package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void generates_a_2048_bit_rsa_pair_as_pkcs8_and_x509_pem_files() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(dir);

        assertThat(keys.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(Files.readString(dir.resolve("jwt-private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(dir.resolve("jwt-public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.getPosixFilePermissions(dir.resolve("jwt-private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void reuses_the_pair_already_in_the_directory() {
        LocalJwtKeys first = LocalJwtKeys.loadOrGenerate(dir);
        LocalJwtKeys second = LocalJwtKeys.loadOrGenerate(dir);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(second.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void the_public_key_location_is_a_file_url_of_the_public_key() {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(dir);

        assertThat(keys.publicKeyLocation()).isEqualTo("file:" + dir.toAbsolutePath().resolve("jwt-public.pem"));
    }
}
