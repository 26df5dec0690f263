package cn.hunan.mma.referral.persistence;

import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The positional parameters of one native statement, collected while its SQL text is written. */
final class SqlParams {

    // Built once: the write statements take ~50 parameters and are assembled on every call.
    private static final String[] PLACEHOLDERS = IntStream.rangeClosed(0, 64)
            .mapToObj(n -> "$" + n).toArray(String[]::new);

    private final List<Object> values = new ArrayList<>(64);

    /** @return the placeholder ({@code $n}) standing for {@code value} */
    String add(Object value) {
        values.add(value);
        int position = values.size();
        return position < PLACEHOLDERS.length ? PLACEHOLDERS[position] : "$" + position;
    }

    // The reactive PostgreSQL client binds timestamptz from OffsetDateTime, not Instant.
    String add(Instant value) {
        return add((Object) offset(value));
    }

    Tuple tuple() {
        return Tuple.from(values);
    }

    static OffsetDateTime offset(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
