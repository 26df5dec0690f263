package cn.hunan.mma.navigation.registry.rest;

/** @param directory a matrix directory on the service's file system (as written by {@code deploy/simulate matrix}) */
public record ImportRequest(String directory) {
}
