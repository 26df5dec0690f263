package cn.hunan.mma.stack;

import java.nio.file.Path;

/** Where the local stack keeps its state: {@code .local/} under the project root (git-ignored). */
record StackLayout(Path projectRoot) {

    Path state() {
        return projectRoot.resolve(".local");
    }

    /** Kept across runs, so tokens minted earlier stay valid. */
    Path keys() {
        return state().resolve("keys");
    }

    /** Fresh every run, like the broker's topics. */
    Path postgres() {
        return state().resolve("postgres");
    }

    Path kafka() {
        return state().resolve("kafka");
    }

    /** Fresh every run: state stores restored from topics that no longer exist would be wrong. */
    Path streamsState(ServiceSpec spec) {
        return state().resolve("streams").resolve(spec.name());
    }

    Path logs() {
        return state().resolve("logs");
    }
}
