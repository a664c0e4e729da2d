package com.zorahai.booking.internal;

import com.zorahai.booking.Channel;
import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientUpsert;
import com.zorahai.crm.Clients;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ties bookings to CRM clients: finds or creates the client of a booking's phone, and puts bookings, cancellations,
 * moves and no-shows on the client's timeline (through {@link ClientInteraction}, recorded after commit).
 */
@Component
public class ClientLink {

    private static final Logger log = LoggerFactory.getLogger(ClientLink.class);

    private final Clients clients;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    ClientLink(Clients clients, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.clients = clients;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The client of a booking: {@code given} when it is a client of the tenant (a 400 naming {@code client_id}
     * otherwise), else the client owning {@code phone} (created when none does), else none. A CRM failure leaves the
     * booking without a client rather than failing it.
     */
    public ClientId resolve(TenantId tenant, ClientId given, String phone, String name, Channel channel) {
        if (given != null) {
            if (clients.find(tenant, given).isEmpty()) {
                throw ProblemException.invalidField("client_id", "is not a client of this tenant");
            }
            return given;
        }
        if (phone == null) {
            return null;
        }
        try {
            // in a savepoint: a CRM failure must not doom the booking's transaction
            return savepoint.execute(status -> clients.upsert(tenant, ClientUpsert.byPhone(phone, name,
                    source(channel))).clientId());
        } catch (RuntimeException ex) {
            log.warn("Booking without a CRM client: the client lookup failed ({})", ex.getClass().getSimpleName());
            return null;
        }
    }

    /** Puts an entry on the client's timeline once {@code sourceEventId} commits; nothing without a client. */
    public void record(TenantId tenant, ClientId client, String summary, String appointmentId, String sourceEventId,
            Instant occurredAt, Map<String, Object> properties) {
        if (client == null) {
            return;
        }
        events.publishEvent(new ClientInteraction(tenant, client, null, null, null, ActivityType.NOTE, occurredAt,
                summary, "appointment", appointmentId, sourceEventId, properties));
    }

    static ClientSource source(Channel channel) {
        return switch (channel) {
            case WHATSAPP -> ClientSource.WHATSAPP;
            case PHONE -> ClientSource.PHONE;
            case WEB -> ClientSource.WEB;
            case STAFF -> ClientSource.MANUAL;
        };
    }
}
