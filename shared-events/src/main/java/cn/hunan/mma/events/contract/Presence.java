package cn.hunan.mma.events.contract;

import java.lang.reflect.RecordComponent;

/** The one rule for which record components a payload must carry; the codec and the schemas share it. */
public final class Presence {

    private Presence() {
    }

    public static boolean isRequired(RecordComponent component) {
        return !component.isAnnotationPresent(OptionalField.class);
    }
}
