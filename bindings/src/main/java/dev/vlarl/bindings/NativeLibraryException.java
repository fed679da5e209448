package dev.vlarl.bindings;

/** A native library or one of its symbols could not be found or loaded; the message says how to fix it. */
public class NativeLibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NativeLibraryException(String message) {
        super(message);
    }

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
