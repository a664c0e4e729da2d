package com.zorahai.tickets.internal;

import com.zorahai.crm.ClientId;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tickets.TicketChannel;
import com.zorahai.tickets.TicketId;
import com.zorahai.tickets.TicketPriority;
import com.zorahai.tickets.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A support ticket. Its status changes only along {@link TicketStatus#next()}, and the times of the first response,
 * resolution and closing follow the changes.
 */
public final class Ticket {

    static final String ERASED_SUBJECT = "Erased ticket";

    private final TicketId id;
    private final TenantId tenantId;
    private String subject;
    private String body;
    private final TicketChannel channel;
    private TicketStatus status;
    private TicketPriority priority;
    private ClientId clientId;
    private String requesterEmail;
    private String requesterName;
    private String requesterPhone;
    private UUID assigneeId;
    private final String sourceReference;
    private final Instant openedAt;
    private Instant slaDueAt;
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private final UUID createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant erasedAt;

    Ticket(TicketId id, TenantId tenantId, String subject, String body, TicketChannel channel, TicketStatus status,
            TicketPriority priority, ClientId clientId, String requesterEmail, String requesterName,
            String requesterPhone, UUID assigneeId, String sourceReference, Instant openedAt, Instant slaDueAt,
            Instant firstResponseAt, Instant resolvedAt, Instant closedAt, UUID createdBy, Instant createdAt,
            Instant updatedAt, Instant erasedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.subject = subject;
        this.body = body;
        this.channel = channel;
        this.status = status;
        this.priority = priority;
        this.clientId = clientId;
        this.requesterEmail = requesterEmail;
        this.requesterName = requesterName;
        this.requesterPhone = requesterPhone;
        this.assigneeId = assigneeId;
        this.sourceReference = sourceReference;
        this.openedAt = openedAt;
        this.slaDueAt = slaDueAt;
        this.firstResponseAt = firstResponseAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.erasedAt = erasedAt;
    }

    /**
     * Moves the ticket to {@code target}: resolving records the resolution (and counts as the first response when
     * none came before), closing records the closing, reopening clears the resolution.
     *
     * @return whether the status changed ({@code false} when it already was {@code target})
     * @throws com.zorahai.platform.ProblemException 409 {@code ticket-status-transition} for a change the lifecycle
     *         does not allow
     */
    boolean moveTo(TicketStatus target, Instant now) {
        if (target == status) {
            return false;
        }
        if (!status.canMoveTo(target)) {
            throw TicketProblems.illegalTransition(status, target);
        }
        switch (target) {
            case RESOLVED -> {
                resolvedAt = now;
                if (firstResponseAt == null) {
                    firstResponseAt = now;
                }
            }
            case CLOSED -> closedAt = now;
            case OPEN, PENDING -> resolvedAt = null;
        }
        status = target;
        updatedAt = now;
        return true;
    }

    /** A new priority, with the due time it implies. */
    void reprioritise(TicketPriority newPriority, Instant newDueAt, Instant now) {
        priority = newPriority;
        slaDueAt = newDueAt;
        updatedAt = now;
    }

    void assign(UUID assignee, Instant now) {
        assigneeId = assignee;
        updatedAt = now;
    }

    void linkClient(ClientId client, Instant now) {
        clientId = client;
        updatedAt = now;
    }

    void rename(String newSubject, Instant now) {
        subject = newSubject;
        updatedAt = now;
    }

    /**
     * Records a reply sent to the requester.
     *
     * @return whether it is the ticket's first response
     */
    boolean responded(Instant now) {
        updatedAt = now;
        if (firstResponseAt == null) {
            firstResponseAt = now;
            return true;
        }
        return false;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    /** Drops what identifies the requester: subject, body, email, name and phone. */
    void erase(Instant now) {
        subject = ERASED_SUBJECT;
        body = null;
        requesterEmail = null;
        requesterName = null;
        requesterPhone = null;
        erasedAt = now;
        updatedAt = now;
    }

    /** Whether the first response came (or, still missing at {@code now}, is) later than the due time. */
    public boolean slaBreached(Instant now) {
        Instant response = firstResponseAt != null ? firstResponseAt : now;
        return response.isAfter(slaDueAt);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public TicketId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public TicketChannel channel() {
        return channel;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketPriority priority() {
        return priority;
    }

    public ClientId clientId() {
        return clientId;
    }

    public String requesterEmail() {
        return requesterEmail;
    }

    public String requesterName() {
        return requesterName;
    }

    public String requesterPhone() {
        return requesterPhone;
    }

    public UUID assigneeId() {
        return assigneeId;
    }

    public String sourceReference() {
        return sourceReference;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant slaDueAt() {
        return slaDueAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    @Override
    public String toString() {
        return "Ticket[id=" + id + ", tenantId=" + tenantId + ", status=" + status + "]";
    }
}
