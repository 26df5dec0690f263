package cn.hunan.mma.simulator.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the scopes densely so running totals live in arrays. Areas of residence outside the
 * matrix (a patient from another province) are numbered when first met.
 */
final class Scopes {

    private final Map<Scope, Integer> ids = new HashMap<>();
    private final List<Scope> scopes = new ArrayList<>();

    int idOf(Scope scope) {
        return ids.computeIfAbsent(scope, added -> {
            scopes.add(added);
            return scopes.size() - 1;
        });
    }

    /** The scope's number, or -1 when it never held a figure. */
    int find(Scope scope) {
        return ids.getOrDefault(scope, -1);
    }

    Scope scope(int id) {
        return scopes.get(id);
    }

    int size() {
        return scopes.size();
    }
}
