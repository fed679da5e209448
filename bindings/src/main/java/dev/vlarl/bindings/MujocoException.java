package dev.vlarl.bindings;

/** MuJoCo reported an error (a model that does not compile, or mju_error); the message is MuJoCo's own. */
public class MujocoException extends NativeException {
    private static final long serialVersionUID = 1L;

    public MujocoException(int status, String message) {
        super(status, message);
    }
}
