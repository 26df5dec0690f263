package cn.hunan.mma.navigation.registry.rest;

import java.util.List;

/** One page of institutions; a page shorter than {@code size} is the last. */
public record InstitutionPage(int page, int size, List<InstitutionView> items) {
}
