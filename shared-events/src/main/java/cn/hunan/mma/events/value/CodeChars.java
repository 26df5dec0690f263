package cn.hunan.mma.events.value;

/** ASCII character classes for the hand-written code checks (regex [0-9] and [A-Z] are ASCII only too). */
final class CodeChars {

    private CodeChars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** True when every character in [from, to) is an ASCII digit. */
    static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
