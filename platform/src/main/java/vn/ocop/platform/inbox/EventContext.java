package vn.ocop.platform.inbox;

import java.time.Instant;

/** The CloudEvents attributes of the event being handled. */
public record EventContext(String eventId, String type, String source, String subject, Instant time) {
}
