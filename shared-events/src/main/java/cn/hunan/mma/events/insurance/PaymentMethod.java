package cn.hunan.mma.events.insurance;

/** How a case was paid: by diagnosis-related group or by diagnosis-intervention packet. */
public enum PaymentMethod { DRG, DIP }
