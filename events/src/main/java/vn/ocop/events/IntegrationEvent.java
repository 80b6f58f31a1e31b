package vn.ocop.events;

/**
 * A fact one service tells the others: a small immutable, past-tense record.
 * Its metadata (id, type, source, time, schema) travels as CloudEvents headers, not in the payload.
 */
public interface IntegrationEvent {

    /**
     * The Kafka key: the product id for product events, the producer id for producer events, so that
     * every event about one aggregate lands in one partition and stays in order.
     */
    String aggregateKey();

    /** The CloudEvents subject: what the event is about, readable by people (a product code, a certificate number). */
    String subject();
}
