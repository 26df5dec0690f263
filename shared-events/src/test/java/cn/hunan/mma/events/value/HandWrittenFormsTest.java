package cn.hunan.mma.events.value;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ICD-10 and ICD-9-CM-3 codes are checked by hand rather than by their PATTERN regexes (a match
 * allocates a Matcher per code, on every decoded event); the schemas still publish the regexes.
 * The two must agree on every string: here on thousands of random near-misses of valid codes.
 */
class HandWrittenFormsTest {

    private static final String CODE_ALPHABET = "0123456789.xXAZaz-\n ";

    @Test
    void icd10_accepts_exactly_what_its_pattern_matches() {
        assertAgreement(Pattern.compile(Icd10Code.PATTERN), Icd10Code::of, Reason.MALFORMED_ICD10,
                List.of("I10", "E11.9", "S72.00", "A00.000", "A00.000x001", "I10.x00", "I10.x00x002", "U07.100"), 1L);
    }

    @Test
    void icd9cm3_accepts_exactly_what_its_pattern_matches() {
        assertAgreement(Pattern.compile(Icd9Cm3Code.PATTERN), Icd9Cm3Code::of, Reason.MALFORMED_ICD9CM3,
                List.of("47", "47.0", "47.09", "47.0901", "00.6600x004", "01.6x00", "03.1x00x001", "17.91100", "17.912A0",
                        "86.700x0013", "01.6x00x0001", "47.0901x0001"), 2L);
    }

    private static void assertAgreement(Pattern pattern, Function<String, ?> parse, Reason reason, List<String> seeds, long seed) {
        Random random = new Random(seed);
        List<String> disagreements = new ArrayList<>();
        int matched = 0;
        int total = 0;
        List<String> samples = new ArrayList<>(seeds);
        for (int i = 0; i < 20_000; i++) {
            String base = seeds.get(random.nextInt(seeds.size()));
            samples.add(i % 4 == 0 ? randomText(random, 13) : mutate(mutate(base, random), random));
        }
        for (String text : samples) {
            boolean expected = pattern.matcher(text).matches();
            boolean accepted;
            try {
                parse.apply(text);
                accepted = true;
            } catch (ContractViolation e) {
                accepted = false;
                assertThat(e.reason()).isEqualTo(reason);
            }
            if (accepted != expected) {
                disagreements.add(text);
            }
            matched += expected ? 1 : 0;
            total++;
        }
        assertThat(disagreements).isEmpty();
        // both sides well represented, or the comparison proves little
        assertThat(matched).isGreaterThan(1000).isLessThan(total - 1000);
    }

    @Test
    void event_ids_are_read_and_lower_cased_as_before() {
        Random random = new Random(3L);
        for (int i = 0; i < 5000; i++) {
            String id = java.util.UUID.randomUUID().toString();
            String text = switch (random.nextInt(4)) {
                case 0 -> id;
                case 1 -> id.toUpperCase(Locale.ROOT);
                case 2 -> mutate(id, random);
                default -> id.substring(0, 9) + "ＡＢ" + id.substring(11); // full-width letters: Character.digit says hex
            };
            boolean canonical = text.length() == 36 && isCanonical(text);
            try {
                EventId eventId = EventId.of(text);
                assertThat(canonical).as(text).isTrue();
                assertThat(eventId.value()).isEqualTo(text.toLowerCase(Locale.ROOT));
            } catch (ContractViolation e) {
                assertThat(canonical).as(text).isFalse();
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ID);
            }
        }
    }

    /** The previous rule, written independently: hyphens at 8, 13, 18, 23, Character.digit(c, 16) elsewhere. */
    private static boolean isCanonical(String text) {
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            text.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return text.toString();
    }

    /** Nothing, or one random deletion, insertion or replacement. */
    private static String mutate(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        char c = random.nextInt(4) == 0 ? (char) ('0' + random.nextInt(10)) : CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length()));
        return switch (random.nextInt(4)) {
            case 0 -> text;
            case 1 -> text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + c + text.substring(at);
            default -> text.isEmpty() ? text : text.substring(0, at) + c + text.substring(at + 1);
        };
    }
}
