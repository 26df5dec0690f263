package cn.hunan.mma.simulator.events.clinical;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.matrix.ServiceLine;

/**
 * One ICD-10 code as the simulation uses it: its group, the department that treats it, the DRG
 * major diagnostic category it groups into, and what the guidance catalogue says about it.
 */
public record Diagnosis(String code, String category, DiagnosisGroup group, ServiceLine line, char mdc,
                        Level catalogueLevel, boolean primaryLevelDisease) {
}
