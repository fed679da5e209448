package dev.vlarl.bindings;

/**
 * A native call returned a non-zero {@code vl_status} (native/common/vl_status.h).
 * Carries the status and the message the shim kept for this thread; subclasses say
 * which native component failed.
 */
public class NativeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Status codes of vl_status.h. */
    public static final int OK = 0;
    public static final int INVALID_ARGUMENT = 1;
    public static final int BACKEND = 2;
    public static final int IO = 3;
    public static final int OUT_OF_MEMORY = 4;
    public static final int NUMERIC = 5;
    public static final int UNSUPPORTED = 6;
    public static final int INTERNAL = 99;

    private final int status;

    public NativeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The vl_status code the native call returned. */
    public int status() {
        return status;
    }

    /** A readable name of a vl_status code. */
    public static String statusName(int status) {
        return switch (status) {
            case OK -> "OK";
            case INVALID_ARGUMENT -> "INVALID_ARGUMENT";
            case BACKEND -> "BACKEND";
            case IO -> "IO";
            case OUT_OF_MEMORY -> "OUT_OF_MEMORY";
            case NUMERIC -> "NUMERIC";
            case UNSUPPORTED -> "UNSUPPORTED";
            default -> "INTERNAL(" + status + ")";
        };
    }
}
