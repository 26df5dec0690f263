package cn.hunan.mma.events.codec;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.contract.Presence;
import cn.hunan.mma.events.value.ContractViolation;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.lang.reflect.RecordComponent;

/**
 * Makes an absent required component a MISSING_FIELD rejection. Jackson passes {@code null} for
 * absent objects (the compact constructor catches those) but {@code 0}/{@code false} for absent
 * primitives, which would silently turn "no bed count" into "zero beds". Which components are
 * required is the same rule the schema generator uses: all but those marked {@link OptionalField}.
 */
final class RequiredComponents implements ValueInstantiators {

    private static final String CONTRACT_PACKAGE = "cn.hunan.mma.events.";

    static Module module() {
        return new SimpleModule("mma-required-components") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new RequiredComponents());
            }
        };
    }

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description,
                                                   ValueInstantiator defaultInstantiator) {
        Class<?> type = description.getBeanClass();
        if (!type.isRecord() || !type.getName().startsWith(CONTRACT_PACKAGE)
                || !defaultInstantiator.canCreateFromObjectWith()) {
            return defaultInstantiator;
        }
        return new Checking(defaultInstantiator, requiredByPosition(type));
    }

    static boolean[] requiredByPosition(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        boolean[] required = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            required[i] = Presence.isRequired(components[i]);
        }
        return required;
    }

    /** Checks presence, then lets Jackson's own instantiator call the canonical constructor. */
    private static final class Checking extends ValueInstantiator.Delegating {

        private final boolean[] requiredByPosition;

        Checking(ValueInstantiator delegate, boolean[] requiredByPosition) {
            super(delegate);
            this.requiredByPosition = requiredByPosition;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
                                           PropertyValueBuffer buffer) throws IOException {
            for (SettableBeanProperty property : properties) {
                int position = property.getCreatorIndex();
                if (position >= 0 && position < requiredByPosition.length && requiredByPosition[position]
                        && !buffer.hasParameter(property)) {
                    throw ContractViolation.missing(property.getName());
                }
            }
            return delegate().createFromObjectWith(context, properties, buffer);
        }
    }
}
