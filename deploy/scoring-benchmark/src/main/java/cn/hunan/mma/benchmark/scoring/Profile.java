package cn.hunan.mma.benchmark.scoring;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;

/** A Flight Recorder profile (settings "profile") of a contender's timed part, when asked for ({@code --jfr}). */
record Profile(Recording recording, Path file) implements AutoCloseable {

    static Profile start(Path file) {
        if (file == null) {
            return null;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return new Profile(recording, file);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot start the flight recording", e);
        }
    }

    @Override
    public void close() {
        try (recording) {
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
