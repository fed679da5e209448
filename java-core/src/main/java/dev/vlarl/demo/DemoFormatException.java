package dev.vlarl.demo;

import java.io.IOException;

/** A demonstration file that is truncated, corrupt or not a demonstration file. */
public final class DemoFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DemoFormatException(String message) {
        super(message);
    }
}
