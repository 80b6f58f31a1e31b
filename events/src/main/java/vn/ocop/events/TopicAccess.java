package vn.ocop.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * What each service's Kafka principal may do on the broker: write its own event topic and its dead-letter topic,
 * read the topics it consumes, in its own consumer group. The broker enforces exactly this (ACLs of the local broker
 * started by tests and {@code ./ocop up}; Strimzi {@code KafkaUser}s in deploy/k8s, checked against this list by the
 * manifest gate, which also checks that {@code reads} match each service's {@code mp.messaging.incoming.events-in.topics}).
 *
 * @param service  the service name ({@code registry}, ...)
 * @param writes   topics it produces to
 * @param reads    topics it consumes
 */
public record TopicAccess(String service, List<String> writes, List<String> reads) {

    public static final TopicAccess REGISTRY = of("registry", Topics.REGISTRY, Topics.EVALUATION, Topics.MONITORING);
    public static final TopicAccess EVALUATION = of("evaluation", Topics.EVALUATION, Topics.REGISTRY, Topics.MONITORING);
    public static final TopicAccess MARKET = of("market", Topics.MARKET, Topics.REGISTRY, Topics.EVALUATION, Topics.MONITORING);
    /** Monitoring also reads its own topic: the projection rebuild replays it (no consumer group, partitions assigned). */
    public static final TopicAccess MONITORING = of("monitoring", Topics.MONITORING,
            Topics.REGISTRY, Topics.EVALUATION, Topics.MARKET, Topics.MONITORING);

    public static final List<TopicAccess> ALL = List.of(REGISTRY, EVALUATION, MARKET, MONITORING);

    public TopicAccess {
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
    }

    private static TopicAccess of(String service, String ownTopic, String... reads) {
        return new TopicAccess(service, List.of(ownTopic, Topics.deadLetter(service)), List.of(reads));
    }

    /** The principal the service logs in as: the SCRAM user name locally, the KafkaUser's name in Kubernetes. */
    public String principal() {
        return "ocop-" + service;
    }

    /** The consumer group of its inbox ({@code mp.messaging.incoming.events-in.group.id}). */
    public String group() {
        return "ocop-" + service;
    }

    /** The access of one service by name. */
    public static TopicAccess forService(String service) {
        return Stream.of(REGISTRY, EVALUATION, MARKET, MONITORING).filter(a -> a.service.equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such service: " + service));
    }
}
