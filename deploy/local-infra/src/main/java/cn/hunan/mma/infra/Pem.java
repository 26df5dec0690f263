package cn.hunan.mma.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468): base64 of DER between BEGIN/END lines, 64 characters per line. */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] decode(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
