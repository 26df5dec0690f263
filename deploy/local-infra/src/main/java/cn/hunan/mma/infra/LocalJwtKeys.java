package cn.hunan.mma.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The local stack's and the tests' token signing key: an RSA-2048 pair in a directory, generated
 * on first use and reused afterwards, as {@code jwt-private.pem} (PKCS#8) and
 * {@code jwt-public.pem} (X.509 SubjectPublicKeyInfo), the formats SmallRye JWT reads.
 * For local use only; production verifies tokens from the province's identity provider.
 */
public final class LocalJwtKeys {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    /** Under {@code java.io.tmpdir}, i.e. a module's {@code target/} in surefire runs. */
    public static final String TEST_KEYS_DIRECTORY = "mma-jwt-keys";

    private static final int KEY_BITS = 2048;

    private final Path directory;
    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalJwtKeys(Path directory, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.directory = directory;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the pair in {@code directory}, generating it first if it is not there. */
    public static LocalJwtKeys loadOrGenerate(Path directory) {
        Path dir = directory.toAbsolutePath();
        // In-JVM lock first: file locks are per process, and a second lock from the same JVM throws.
        synchronized (JvmWideLock.named("jwt-keys:" + dir)) {
            try {
                Files.createDirectories(dir);
                try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    if (!Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
                        generate(dir);
                    }
                    return read(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the JWT keys in " + dir, e);
            }
        }
    }

    /** The keys that {@link RealJwtTestResource} hands to the service under test. */
    public static LocalJwtKeys forTests() {
        return loadOrGenerate(Path.of(System.getProperty("java.io.tmpdir"), TEST_KEYS_DIRECTORY));
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    /**
     * For {@code mp.jwt.verify.publickey.location} of services running in prod mode (the local
     * stack): SmallRye JWT reads a {@code file:} location from the file system only. In a
     * {@code @QuarkusTest} use {@link RealJwtTestResource}, which passes the key inline.
     */
    public String publicKeyLocation() {
        return "file:" + publicKeyFile();
    }

    /** The public key as PEM text, for {@code mp.jwt.verify.publickey}. */
    public String publicKeyPem() {
        return Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded());
    }

    private static void generate(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Files.deleteIfExists(privateFile); // a half-written pair from an interrupted run
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Owner-only from creation: never readable by others, even for an instant.
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(privateFile, Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        // Written last: its presence means the pair is complete.
        Files.writeString(dir.resolve(PUBLIC_KEY_FILE), Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static LocalJwtKeys read(Path dir) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    Pem.decode(Pem.PRIVATE_KEY, Files.readString(dir.resolve(PRIVATE_KEY_FILE), StandardCharsets.US_ASCII))));
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(
                    Pem.decode(Pem.PUBLIC_KEY, Files.readString(dir.resolve(PUBLIC_KEY_FILE), StandardCharsets.US_ASCII))));
            return new LocalJwtKeys(dir, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the JWT keys in " + dir + " are unreadable; delete them to regenerate", e);
        }
    }
}
