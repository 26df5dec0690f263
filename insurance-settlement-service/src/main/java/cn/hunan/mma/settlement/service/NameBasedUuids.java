package cn.hunan.mma.settlement.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@link UUID#nameUUIDFromBytes} (version 3, MD5) with one digest per thread: the JDK method looks
 * the MD5 provider up for every call, which showed in the settling thread's profile at one
 * derived event id per case. Same bytes in, same UUID out ({@code NameBasedUuidsTest}).
 */
final class NameBasedUuids {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    private NameBasedUuids() {
    }

    static UUID of(byte[] name) {
        byte[] md5 = MD5.get().digest(name);   // digest() also resets it for the next call
        md5[6] &= 0x0f;
        md5[6] |= 0x30;   // version 3
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;   // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
