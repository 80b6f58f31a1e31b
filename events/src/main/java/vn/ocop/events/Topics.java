package vn.ocop.events;

import java.util.List;

/** Kafka topics: one per emitting service, plus one dead-letter topic per consuming service. */
public final class Topics {
    public static final String REGISTRY = "ocop.registry.events";
    public static final String EVALUATION = "ocop.evaluation.events";
    public static final String MARKET = "ocop.market.events";
    public static final String MONITORING = "ocop.monitoring.events";

    /** The topics every environment must create up front (tests, ./ocop up, Strimzi KafkaTopics). */
    public static final List<String> ALL = List.of(
            REGISTRY, EVALUATION, MARKET, MONITORING,
            deadLetter("registry"), deadLetter("evaluation"), deadLetter("market"), deadLetter("monitoring"));

    private Topics() {
    }

    /** Where a service parks the messages it could not process, with the error in the headers. */
    public static String deadLetter(String service) {
        return "ocop." + service + ".dlq";
    }
}
