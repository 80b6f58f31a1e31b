package vn.ocop.devstack;

/**
 * A failure to start or control the stack whose message is written for the person at the terminal: what went wrong
 * and what to do about it. The CLI prints the message without a stack trace.
 */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
