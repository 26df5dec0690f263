package cn.hunan.mma.navigation.registry.persistence;

import java.util.List;

/** Element collections of the registry entities. */
final class ManagedLists {

    private ManagedLists() {
    }

    /** Mutates in place: Hibernate tracks the managed collection, a new list would orphan it. */
    static void replace(List<String> managed, List<String> values) {
        managed.clear();
        managed.addAll(values);
    }
}
