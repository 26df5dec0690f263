package cn.hunan.mma.events.pseudonym;

import cn.hunan.mma.events.value.PatientPseudonym;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Replaces a national ID number by the patient's pseudonym: HMAC-SHA256 under the province's key
 * of the normalised number, as 64 lowercase hex characters. The same person gets the same
 * pseudonym everywhere the key is shared; without the key the number cannot be recovered or
 * confirmed by hashing guesses. Thread-safe.
 */
public final class PatientPseudonymizer {

    /** 256 bits, the HMAC-SHA256 block security level; shorter keys make guessing cheaper. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    /** @param key the secret key bytes, at least {@value #MIN_KEY_BYTES}; copied, never exposed */
    public PatientPseudonymizer(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key.clone(), ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("pseudonymisation key rejected by " + ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** From configuration: the key as standard base64. */
    public static PatientPseudonymizer fromBase64Key(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; keep key material out of logs.
            throw new IllegalArgumentException("pseudonymisation key is not valid base64");
        }
        return new PatientPseudonymizer(key);
    }

    /** Validates and normalises the number, then pseudonymises it. */
    public PatientPseudonym pseudonymize(String nationalIdNumber) {
        return pseudonymize(NationalIdNumber.parse(nationalIdNumber));
    }

    public PatientPseudonym pseudonymize(NationalIdNumber nationalIdNumber) {
        byte[] digest = newMac().doFinal(nationalIdNumber.normalised().getBytes(StandardCharsets.US_ASCII));
        return PatientPseudonym.of(HexFormat.of().formatHex(digest));
    }

    // An initialised Mac is not thread-safe; a clone of the keyed prototype is cheap and independent.
    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " implementation cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "PatientPseudonymizer[" + ALGORITHM + ", key redacted]";
    }
}
