package cn.hunan.mma.settlement.domain.alliance;

import cn.hunan.mma.events.value.Level;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who belonged to an alliance during a period, by the make-ups the matrix stated: the one in force when the period
 * began (the first one stated, when none was by then) and every one stated before it ended. A member in any of them belonged (one that left in March earned its
 * share of the first half); so did a collaborating tertiary hospital.
 *
 * @param members     by institution id, in id order, each with its level as the matrix states the institution (null
 *                    when it has not)
 * @param tertiaryIds the collaborating tertiary hospitals; empty when a make-up in force was carried over from before
 *                    the service kept them, so that they are not known
 */
public record PeriodMakeup(List<Member> members, Optional<Set<String>> tertiaryIds) {

    public PeriodMakeup {
        members = List.copyOf(members);
        Objects.requireNonNull(tertiaryIds, "tertiaryIds");
    }

    /** @param level null when the matrix has not stated the institution */
    public record Member(String institutionId, Level level) {

        public Member {
            Objects.requireNonNull(institutionId, "institutionId");
        }
    }

    public Optional<Member> member(String institutionId) {
        return members.stream().filter(member -> member.institutionId().equals(institutionId)).findFirst();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }
}
