package dev.vlarl.bindings;

/** libtorch (through the vt_ shim) reported an error; the message is libtorch's own. */
public class TorchException extends NativeException {
    private static final long serialVersionUID = 1L;

    public TorchException(int status, String message) {
        super(status, message);
    }
}
