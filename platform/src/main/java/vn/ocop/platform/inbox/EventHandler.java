package vn.ocop.platform.inbox;

import vn.ocop.events.IntegrationEvent;

/**
 * Applies one kind of integration event to this service's data. Implementations are CDI beans, named after the event
 * they handle ({@code ProductRegisteredHandler}). {@link #handle} runs inside the transaction that records the event id
 * in the inbox, so its effect and the "already processed" mark commit together.
 *
 * <p>Events arrive at least once and, across topics, in any order: handlers must converge whatever the order
 * (terminal states stay terminal, newer data is not overwritten by older).
 */
public interface EventHandler<T extends IntegrationEvent> {

    Class<T> eventClass();

    void handle(T event, EventContext context);
}
