package vn.ocop.market.channel;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.market.common.MarketScope;
import vn.ocop.market.webhook.NotificationEndpoint;
import vn.ocop.market.webhook.WebhookTargetPolicy;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.web.Etag;

/** Sales channels are nationwide: the central office registers them; a channel's operator maintains its own record. */
@ApplicationScoped
public class ChannelService {

    @Inject
    MarketScope scope;

    @Inject
    WebhookTargetPolicy targets;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public ChannelView register(ChannelRequest request) {
        if (SalesChannel.count("lower(name) = ?1", request.name().trim().toLowerCase()) > 0) {
            throw ApiException.conflict("CHANNEL_NAME_TAKEN", "A channel named " + request.name() + " already exists");
        }
        SalesChannel c = new SalesChannel();
        c.id = UUID.randomUUID();
        c.createdAt = clock.instant();
        apply(request, c);
        c.persistAndFlush();
        ChannelView view = ChannelView.of(c);
        audit.record("channel.registered", "channel", c.id, null, view);
        return view;
    }

    @Transactional
    public ChannelView update(UUID id, String ifMatch, ChannelRequest request) {
        SalesChannel c = load(id);
        if (!scope.isCentral() && !scope.operates(id)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the central office or the channel's operator may update it");
        }
        Etag.requireMatch(ifMatch, c.version);
        if (!c.name.equalsIgnoreCase(request.name().trim())
                && SalesChannel.count("lower(name) = ?1", request.name().trim().toLowerCase()) > 0) {
            throw ApiException.conflict("CHANNEL_NAME_TAKEN", "A channel named " + request.name() + " already exists");
        }
        ChannelView before = ChannelView.of(c);
        apply(request, c);
        c.flush();
        ChannelView after = ChannelView.of(c);
        audit.record("channel.updated", "channel", c.id, before, after);
        return after;
    }

    /** Channels are public (nationwide platforms and chains); their notification settings only to who manages them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelView get(UUID id) {
        return forCaller(load(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChannelView> list(ChannelKind kind, PageRequest page) {
        return kind == null
                ? Page.of(SalesChannel.findAll(Sort.by("name").and("id")), page, this::forCaller)
                : Page.of(SalesChannel.find("kind", Sort.by("name").and("id"), kind), page, this::forCaller);
    }

    private ChannelView forCaller(SalesChannel c) {
        return ChannelView.of(c, scope.manages(c.id, null));
    }

    public static SalesChannel load(UUID id) {
        SalesChannel c = SalesChannel.findById(id);
        if (c == null) {
            throw ApiException.notFound("Channel", id);
        }
        return c;
    }

    private void apply(ChannelRequest request, SalesChannel c) {
        if ((request.notificationUrl() == null) != (request.notificationSecret() == null)) {
            throw ApiException.invalidField("notificationSecret", "give the notification URL and its secret together");
        }
        targets.requireAllowed("notificationUrl", request.notificationUrl());
        c.name = request.name().trim();
        c.kind = request.kind();
        c.website = request.website();
        c.operatorName = request.operatorName().trim();
        c.endpoint = new NotificationEndpoint(request.notificationUrl(), request.notificationSecret());
        c.updatedAt = clock.instant();
    }
}
