package cn.hunan.mma.events.pseudonym;

/** A national ID number that cannot be pseudonymised; the message never contains the number. */
public final class InvalidNationalIdException extends IllegalArgumentException {

    InvalidNationalIdException(String message) {
        super(message);
    }
}
