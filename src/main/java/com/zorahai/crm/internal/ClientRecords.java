package com.zorahai.crm.internal;

import com.zorahai.crm.ActivityType;
import com.zorahai.crm.ClientCreated;
import com.zorahai.crm.ClientDeleted;
import com.zorahai.crm.ClientErasureRequested;
import com.zorahai.crm.ClientId;
import com.zorahai.crm.ClientInteraction;
import com.zorahai.crm.ClientSource;
import com.zorahai.crm.ClientView;
import com.zorahai.crm.ClientsMerged;
import com.zorahai.crm.Consents;
import com.zorahai.crm.Consents.Consent;
import com.zorahai.platform.FieldErrors;
import com.zorahai.platform.Page;
import com.zorahai.platform.ProblemException;
import com.zorahai.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients and their timelines: the rules of creating, changing, finding, upserting, merging, deleting, exporting and
 * erasing them. Everything is scoped to one tenant; another tenant's client is "not found".
 */
@Service
public class ClientRecords {

    private static final Logger log = LoggerFactory.getLogger(ClientRecords.class);
    static final int MAX_SUMMARY = 2000;
    private static final int MAX_REFERENCE = 255;

    private final ClientStore clients;
    private final ActivityStore activities;
    private final ContactPoints contacts;
    private final ClientDataSections sections;
    private final CrmProperties properties;
    private final ApplicationEventPublisher events;

    ClientRecords(ClientStore clients, ActivityStore activities, ContactPoints contacts, ClientDataSections sections,
            CrmProperties properties, ApplicationEventPublisher events) {
        this.clients = clients;
        this.activities = activities;
        this.contacts = contacts;
        this.sections = sections;
        this.properties = properties;
        this.events = events;
    }

    /** A client found or created by an upsert. */
    public record Upserted(ClientView client, boolean created) {
    }

    /** A search of live clients; null filters match everything. */
    public record ClientQuery(String text, String email, String phone, String tag, Integer page, Integer size,
            String sort) {
    }

    /** A timeline entry written through the API. */
    public record NoteDraft(String type, String summary, Instant occurredAt) {
    }

    /** Creates a client; 409 {@code contact-in-use} when one of its emails or phones belongs to another client. */
    @Transactional
    public ClientView create(TenantId tenant, ClientDraft draft) {
        ClientFields fields = ClientFields.check(draft, contacts.region(tenant), true);
        List<String> emails = orEmpty(fields.emails());
        List<String> phones = orEmpty(fields.phones());
        clients.lockContacts(tenant, emails, phones);
        List<Map<String, String>> conflicts = new ArrayList<>();
        for (String email : emails) {
            clients.emailOwner(tenant, email).ifPresent(owner -> conflicts.add(conflict(ClientDraft.EMAILS,
                    indexOf(draft.emails(), email, ContactPoints::email), owner)));
        }
        for (String phone : phones) {
            clients.phoneOwner(tenant, phone).ifPresent(owner -> conflicts.add(conflict(ClientDraft.PHONES,
                    indexOf(draft.phones(), phone, raw -> contacts.phone(tenant, raw)), owner)));
        }
        if (!conflicts.isEmpty()) {
            throw ClientProblems.contactInUse(conflicts);
        }
        return insert(tenant, fields.name(), fields, emails, phones);
    }

    /** The client, unless it does not exist in the tenant or was deleted (404). */
    @Transactional(readOnly = true)
    public ClientView get(TenantId tenant, ClientId id) {
        return find(tenant, id).orElseThrow(() -> ClientProblems.notFound(id));
    }

    /** The client, unless it does not exist in the tenant or was deleted. */
    @Transactional(readOnly = true)
    public Optional<ClientView> find(TenantId tenant, ClientId id) {
        return clients.find(tenant, id).filter(row -> row.deletedAt() == null).map(ClientRow::view);
    }

    /** The live client with this email, if any. */
    @Transactional(readOnly = true)
    public Optional<ClientView> findByEmail(TenantId tenant, String email) {
        return ContactPoints.email(email)
                .flatMap(normalised -> clients.emailOwner(tenant, normalised))
                .flatMap(id -> find(tenant, id));
    }

    /** The live client with this phone (any format the tenant's region reads), if any. */
    @Transactional(readOnly = true)
    public Optional<ClientView> findByPhone(TenantId tenant, String phone) {
        return contacts.phone(tenant, phone)
                .flatMap(normalised -> clients.phoneOwner(tenant, normalised))
                .flatMap(id -> find(tenant, id));
    }

    /**
     * Changes the fields the draft sets (a merge patch): lists are replaced, null clears. 409 when the client was
     * merged or erased, or when a new email or phone belongs to another client.
     */
    @Transactional
    public ClientView update(TenantId tenant, ClientId id, ClientDraft draft) {
        ClientFields fields = ClientFields.check(draft, contacts.region(tenant), false);
        // contacts before the row, in the same order as an upsert, so the two never wait on each other in a circle
        clients.lockContacts(tenant, orEmpty(fields.emails()), orEmpty(fields.phones()));
        ClientRow row = lockLive(tenant, id);
        List<String> emails = fields.has(ClientDraft.EMAILS) ? orEmpty(fields.emails()) : row.emails();
        List<String> phones = fields.has(ClientDraft.PHONES) ? orEmpty(fields.phones()) : row.phones();
        List<String> addedEmails = emails.stream().filter(e -> !row.emails().contains(e)).toList();
        List<String> addedPhones = phones.stream().filter(p -> !row.phones().contains(p)).toList();
        List<Map<String, String>> conflicts = new ArrayList<>();
        for (String email : addedEmails) {
            if (!clients.claimEmail(tenant, email, id)) {
                conflicts.add(conflict(ClientDraft.EMAILS, indexOf(draft.emails(), email, ContactPoints::email),
                        clients.emailOwner(tenant, email).orElse(null)));
            }
        }
        for (String phone : addedPhones) {
            if (!clients.claimPhone(tenant, phone, id)) {
                conflicts.add(conflict(ClientDraft.PHONES, indexOf(draft.phones(), phone,
                        raw -> contacts.phone(tenant, raw)), clients.phoneOwner(tenant, phone).orElse(null)));
            }
        }
        if (!conflicts.isEmpty()) {
            throw ClientProblems.contactInUse(conflicts);
        }
        row.emails().stream().filter(e -> !emails.contains(e)).forEach(e -> clients.releaseEmail(tenant, e, id));
        row.phones().stream().filter(p -> !phones.contains(p)).forEach(p -> clients.releasePhone(tenant, p, id));
        Instant now = now();
        ClientRow updated = row.withDetails(fields.has(ClientDraft.NAME) ? fields.name() : row.name(), emails,
                phones, fields.has(ClientDraft.ADDRESS) ? fields.address() : row.address(),
                fields.has(ClientDraft.TAGS) ? orEmpty(fields.tags()) : row.tags(),
                fields.has(ClientDraft.NOTES) ? fields.notes() : row.notes(),
                fields.has(ClientDraft.SOURCE) ? fields.source() : row.source(),
                ClientFields.apply(row.consents(), fields.consent(), now),
                fields.has(ClientDraft.ASSIGNED_CONSULTANT) ? fields.assignedConsultant() : row.assignedConsultant(),
                now);
        clients.update(updated);
        return updated.view();
    }

    /**
     * Deletes the client: it stops showing and matching its emails and phones (they are free for other clients),
     * while its record stays for the financial records that point at it, for export and for erasure.
     */
    @Transactional
    public void delete(TenantId tenant, ClientId id) {
        ClientRow row = clients.lock(tenant, id)
                .filter(r -> r.deletedAt() == null)
                .orElseThrow(() -> ClientProblems.notFound(id));
        if (row.mergedInto() != null) {
            throw ClientProblems.merged(id, row.mergedInto());
        }
        clients.releaseAll(tenant, id);
        clients.update(row.deleted(now()));
        events.publishEvent(new ClientDeleted(tenant, id));
    }

    /** A page of live clients matching the query. */
    @Transactional(readOnly = true)
    public Page<ClientView> search(TenantId tenant, ClientQuery query) {
        FieldErrors errors = new FieldErrors();
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? 20 : query.size();
        checkPaging(page, size, errors);
        String email = null;
        if (query.email() != null && !query.email().isBlank()) {
            email = ContactPoints.email(query.email()).orElse(null);
            if (email == null) {
                errors.add("email", "must be a valid email address");
            }
        }
        String phone = null;
        if (query.phone() != null && !query.phone().isBlank()) {
            phone = contacts.phone(tenant, query.phone()).orElse(null);
            if (phone == null) {
                errors.add("phone", "must be a valid phone number");
            }
        }
        String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
        if (text != null && text.length() > 200) {
            errors.add("q", "must be at most 200 characters");
        }
        String tag = query.tag() == null || query.tag().isBlank()
                ? null
                : query.tag().strip().toLowerCase(java.util.Locale.ROOT);
        errors.throwIfAny();
        ClientSort.Order order = ClientSort.parse(query.sort());
        return clients.search(tenant, new ClientStore.Search(text, email, phone, tag, order.sort(),
                order.descending(), (long) page * size, size)).at(page).map(ClientRow::view);
    }

    /**
     * Finds the client owning any of the draft's emails or phones (an email match wins over a phone match) and adds
     * the new emails, phones and tags to it, fills its empty address, notes and consultant and applies consent
     * answers; or creates the client. Concurrent upserts of one email or phone give one client.
     */
    @Transactional
    public Upserted upsert(TenantId tenant, ClientDraft draft) {
        ClientFields fields = ClientFields.check(draft, contacts.region(tenant), false);
        List<String> emails = orEmpty(fields.emails());
        List<String> phones = orEmpty(fields.phones());
        if (emails.isEmpty() && phones.isEmpty()) {
            throw ProblemException.invalidField("emails", "an upsert needs at least one email or phone");
        }
        clients.lockContacts(tenant, emails, phones);
        ClientRow row = null;
        // a match deleted, merged or erased while this waited for its lock has lost its emails and phones: look again
        for (int attempt = 0; row == null || !row.isLive(); attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("The emails or phones of an upsert point at a client that is gone");
            }
            Optional<ClientId> match = match(tenant, emails, phones);
            if (match.isEmpty()) {
                String name = fields.name() != null
                        ? fields.name()
                        : !emails.isEmpty()
                                ? emails.get(0)
                                : phones.get(0);
                return new Upserted(insert(tenant, name, fields, emails, phones), true);
            }
            row = clients.lock(tenant, match.get()).orElseThrow(() -> ClientProblems.notFound(match.get()));
        }
        ClientId id = row.id();
        List<String> allEmails = new ArrayList<>(row.emails());
        emails.stream().filter(e -> !allEmails.contains(e) && clients.claimEmail(tenant, e, id))
                .forEach(allEmails::add);
        List<String> allPhones = new ArrayList<>(row.phones());
        phones.stream().filter(p -> !allPhones.contains(p) && clients.claimPhone(tenant, p, id))
                .forEach(allPhones::add);
        Instant now = now();
        // a client created without a name was named after its first email or phone; a real name replaces that
        boolean placeholderName = row.emails().contains(row.name()) || row.phones().contains(row.name());
        String name = placeholderName && fields.name() != null ? fields.name() : row.name();
        ClientRow updated = row.withDetails(name, List.copyOf(allEmails), List.copyOf(allPhones),
                row.address() != null ? row.address() : fields.address(), union(row.tags(), fields.tags()),
                row.notes() != null ? row.notes() : fields.notes(), row.source(),
                ClientFields.apply(row.consents(), fields.consent(), now),
                row.assignedConsultant() != null ? row.assignedConsultant() : fields.assignedConsultant(),
                row.updatedAt());
        if (!updated.equals(row)) {
            updated = updated.withDetails(updated.name(), updated.emails(), updated.phones(), updated.address(),
                    updated.tags(), updated.notes(), updated.source(), updated.consents(),
                    updated.assignedConsultant(), now);
            clients.update(updated);
        }
        return new Upserted(updated.view(), false);
    }

    private Optional<ClientId> match(TenantId tenant, List<String> emails, List<String> phones) {
        return emails.stream()
                .map(email -> clients.emailOwner(tenant, email))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> phones.stream().map(phone -> clients.phoneOwner(tenant, phone))
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    /**
     * Merges {@code sourceId} into {@code targetId}: the target takes the source's emails, phones, tags and
     * timeline (and its address, notes and consultant where it has none; the newer answer of each consent); the
     * source stays as a record pointing at the target. Publishes {@link ClientsMerged}.
     */
    @Transactional
    public ClientView merge(TenantId tenant, ClientId targetId, ClientId sourceId) {
        if (targetId.equals(sourceId)) {
            throw ProblemException.invalidField("source_id", "must be another client");
        }
        // lock in a fixed order so two opposite merges cannot deadlock
        boolean targetFirst = targetId.value().compareTo(sourceId.value()) < 0;
        ClientRow first = clients.lock(tenant, targetFirst ? targetId : sourceId).orElse(null);
        ClientRow second = clients.lock(tenant, targetFirst ? sourceId : targetId).orElse(null);
        ClientRow target = live(targetFirst ? first : second, targetId);
        ClientRow source = live(targetFirst ? second : first, sourceId);
        clients.moveContacts(tenant, sourceId, targetId);
        int moved = activities.move(tenant, sourceId, targetId);
        clients.repointMerged(tenant, sourceId, targetId);
        Instant now = now();
        ClientRow merged = target.withDetails(target.name(), union(target.emails(), source.emails()),
                union(target.phones(), source.phones()), target.address() != null
                        ? target.address()
                        : source.address(),
                union(target.tags(), source.tags()), joinNotes(target.notes(), source.notes()), target.source(),
                newer(target.consents(), source.consents()),
                target.assignedConsultant() != null ? target.assignedConsultant() : source.assignedConsultant(), now);
        clients.update(source.merged(targetId, now));
        clients.update(merged);
        events.publishEvent(new ClientsMerged(tenant, targetId, sourceId));
        log.info("Merged client {} into {} ({} timeline entries moved)", sourceId, targetId, moved);
        return merged.view();
    }

    /**
     * Erases the client's personal data, and that of the clients merged into it: names, emails, phones, addresses,
     * tags, notes and what their timeline entries say; consents are withdrawn. The ids, sources, dates and the
     * timeline's types and subjects stay, so financial records keep their links. Publishes
     * {@link ClientErasureRequested} for each erased client so other modules erase theirs. A second erasure changes
     * nothing.
     */
    @Transactional
    public ClientView erase(TenantId tenant, ClientId id) {
        ClientRow row = clients.lock(tenant, id).orElseThrow(() -> ClientProblems.notFound(id));
        if (row.erasedAt() != null) {
            return row.view();
        }
        Instant now = now();
        List<ClientRow> rows = new ArrayList<>();
        rows.add(row);
        clients.mergedInto(tenant, id, true).stream().filter(r -> r.erasedAt() == null).forEach(rows::add);
        ClientRow erased = null;
        for (ClientRow each : rows) {
            clients.releaseAll(tenant, each.id());
            activities.anonymise(tenant, each.id());
            ClientRow anonymous = each.erased(now);
            clients.update(anonymous);
            events.publishEvent(new ClientErasureRequested(tenant, each.id()));
            if (erased == null) {
                erased = anonymous;
            }
        }
        log.info("Erased the personal data of client {} and {} merged client(s)", id, rows.size() - 1);
        return erased.view();
    }

    /** Everything held about the client, whatever its state (deleted, merged or erased included). */
    @Transactional(readOnly = true)
    public ClientExport export(TenantId tenant, ClientId id) {
        ClientRow row = clients.find(tenant, id).orElseThrow(() -> ClientProblems.notFound(id));
        return new ClientExport(now(), tenant.value(), row.view(),
                clients.mergedInto(tenant, id, false).stream().map(ClientRow::view).toList(),
                clients.emailRows(tenant, id).stream().map(ClientExport.Contact::of).toList(),
                clients.phoneRows(tenant, id).stream().map(ClientExport.Contact::of).toList(),
                activities.all(tenant, id), sections.collect(tenant, id));
    }

    /** A page of the client's timeline, newest first (404 for a deleted client). */
    @Transactional(readOnly = true)
    public Page<Activity> timeline(TenantId tenant, ClientId id, Integer page, Integer size) {
        get(tenant, id);
        FieldErrors errors = new FieldErrors();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        checkPaging(p, s, errors);
        errors.throwIfAny();
        return activities.page(tenant, id, p, s);
    }

    /** Adds a note (or a call written up by hand) to a live client's timeline. */
    @Transactional
    public Activity addNote(TenantId tenant, ClientId id, NoteDraft note, UUID author) {
        FieldErrors errors = new FieldErrors();
        ActivityType type = note.type() == null
                ? ActivityType.NOTE
                : ActivityType.find(note.type())
                        .filter(t -> t == ActivityType.NOTE || t == ActivityType.CALL)
                        .orElse(null);
        if (type == null) {
            errors.add("type", "must be note or call");
        }
        String summary = note.summary() == null ? null : note.summary().strip();
        if (summary == null || summary.isEmpty()) {
            errors.add("summary", "must not be empty");
        } else if (summary.length() > MAX_SUMMARY) {
            errors.add("summary", "must be at most " + MAX_SUMMARY + " characters");
        }
        Instant now = now();
        if (note.occurredAt() != null && note.occurredAt().isAfter(now.plus(Duration.ofDays(1)))) {
            errors.add("occurred_at", "must not be in the future");
        }
        errors.throwIfAny();
        lockLive(tenant, id);
        Activity activity = new Activity(UUID.randomUUID(), id, type, note.occurredAt() == null
                ? now
                : note.occurredAt().truncatedTo(ChronoUnit.MICROS), summary, null, null, Map.of(), null, author,
                now);
        activities.insert(tenant, activity);
        return activity;
    }

    /**
     * Records an interaction published by another module on the client's timeline, once per source event. An
     * interaction naming a merged client goes to the client it was merged into; one naming a deleted, erased or
     * unknown client, or carrying invalid contact data, is dropped.
     *
     * @return whether an entry was added
     */
    @Transactional
    public boolean record(ClientInteraction interaction) {
        TenantId tenant = interaction.tenantId();
        if (tenant == null || interaction.type() == null || interaction.sourceEventId() == null
                || interaction.sourceEventId().isBlank()) {
            log.warn("Dropped a client interaction without tenant, type or source event id");
            return false;
        }
        String sourceEventId = truncate(interaction.sourceEventId().strip(), MAX_REFERENCE);
        if (activities.existsForEvent(tenant, sourceEventId)) {
            return false;
        }
        Optional<ClientId> client = resolve(interaction);
        if (client.isEmpty()) {
            return false;
        }
        Instant now = now();
        Activity activity = new Activity(UUID.randomUUID(), client.get(), interaction.type(),
                interaction.occurredAt() == null ? now : interaction.occurredAt().truncatedTo(ChronoUnit.MICROS),
                truncate(interaction.summary(), MAX_SUMMARY), truncate(interaction.subjectType(), 64),
                truncate(interaction.subjectId(), MAX_REFERENCE), interaction.properties(), sourceEventId, null, now);
        return activities.insert(tenant, activity);
    }

    private Optional<ClientId> resolve(ClientInteraction interaction) {
        TenantId tenant = interaction.tenantId();
        if (interaction.clientId() != null) {
            Optional<ClientRow> row = clients.find(tenant, interaction.clientId())
                    .map(r -> r.mergedInto() == null ? r : clients.find(tenant, r.mergedInto()).orElse(r))
                    .filter(ClientRow::isLive);
            if (row.isEmpty()) {
                log.info("Dropped a {} interaction for client {}: no such live client", interaction.type().value(),
                        interaction.clientId());
            }
            return row.map(ClientRow::id);
        }
        List<String> emails = blank(interaction.email()) ? List.of() : List.of(interaction.email());
        List<String> phones = blank(interaction.phone()) ? List.of() : List.of(interaction.phone());
        if (emails.isEmpty() && phones.isEmpty()) {
            log.warn("Dropped a {} interaction that names no client, email or phone", interaction.type().value());
            return Optional.empty();
        }
        try {
            return Optional.of(
                    upsert(tenant, ClientDraft.of(contactName(interaction.contactName()), emails, phones, null, null,
                            null, sourceOf(interaction.type()).value(), null, null)).client().id());
        } catch (ProblemException ex) {
            // the message names the invalid field, never its value
            log.warn("Dropped a {} interaction with invalid contact data: {}", interaction.type().value(),
                    ex.getMessage());
            return Optional.empty();
        }
    }

    /** A name an inbound channel gave, fit to name a client: null when blank, shortened when too long. */
    public static String contactName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return truncate(name.strip(), ClientFields.MAX_NAME);
    }

    private ClientView insert(TenantId tenant, String name, ClientFields fields, List<String> emails,
            List<String> phones) {
        Instant now = now();
        ClientId id = ClientId.random();
        ClientSource source = fields.source() == null ? ClientSource.MANUAL : fields.source();
        ClientRow row = new ClientRow(id, tenant, name, emails, phones, fields.address(), orEmpty(fields.tags()),
                fields.notes(), source, ClientFields.apply(Consents.NONE, fields.consent(), now),
                fields.assignedConsultant(), now, now, null, null, null, null);
        clients.insert(row);
        List<Map<String, String>> conflicts = new ArrayList<>();
        // the contact locks are held, so a conflict here means a writer that bypassed them
        emails.stream().filter(e -> !clients.claimEmail(tenant, e, id))
                .forEach(e -> conflicts.add(conflict(ClientDraft.EMAILS, emails.indexOf(e), null)));
        phones.stream().filter(p -> !clients.claimPhone(tenant, p, id))
                .forEach(p -> conflicts.add(conflict(ClientDraft.PHONES, phones.indexOf(p), null)));
        if (!conflicts.isEmpty()) {
            throw ClientProblems.contactInUse(conflicts);
        }
        events.publishEvent(new ClientCreated(tenant, id, source));
        return row.view();
    }

    /** The row, locked, if it is live: 404 when missing or deleted, 409 when merged or erased. */
    private ClientRow lockLive(TenantId tenant, ClientId id) {
        return live(clients.lock(tenant, id).orElse(null), id);
    }

    private static ClientRow live(ClientRow row, ClientId id) {
        if (row == null || row.deletedAt() != null) {
            throw ClientProblems.notFound(id);
        }
        if (row.mergedInto() != null) {
            throw ClientProblems.merged(id, row.mergedInto());
        }
        if (row.erasedAt() != null) {
            throw ClientProblems.erased(id);
        }
        return row;
    }

    private void checkPaging(int page, int size, FieldErrors errors) {
        if (page < 0) {
            errors.add("page", "must be 0 or more");
        } else if (page > 1_000_000) {
            errors.add("page", "must be at most 1000000");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            errors.add("size", "must be between 1 and " + properties.maxPageSize());
        }
    }

    private static Map<String, String> conflict(String list, int index, ClientId owner) {
        Map<String, String> error = new HashMap<>();
        error.put("field", list + "[" + Math.max(index, 0) + "]");
        error.put("reason", owner == null ? "belongs to another client" : "belongs to client " + owner);
        if (owner != null) {
            error.put("client_id", owner.toString());
        }
        return Map.copyOf(error);
    }

    /** Where in the request's list a normalised value came from. */
    private static int indexOf(List<String> given, String normalised, Function<String, Optional<String>> normaliser) {
        for (int i = 0; given != null && i < given.size(); i++) {
            if (normaliser.apply(given.get(i)).filter(normalised::equals).isPresent()) {
                return i;
            }
        }
        return 0;
    }

    private static Consents newer(Consents a, Consents b) {
        return new Consents(newer(a.marketingEmail(), b.marketingEmail()),
                newer(a.marketingWhatsapp(), b.marketingWhatsapp()), newer(a.marketingSms(), b.marketingSms()),
                newer(a.marketingCalls(), b.marketingCalls()));
    }

    private static Consent newer(Consent a, Consent b) {
        if (b.updatedAt() == null) {
            return a;
        }
        return a.updatedAt() == null || b.updatedAt().isAfter(a.updatedAt()) ? b : a;
    }

    private static String joinNotes(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        String joined = a + "\n\n" + b;
        return joined.length() > ClientFields.MAX_NOTES ? a : joined;
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(orEmpty(a));
        all.addAll(orEmpty(b));
        return List.copyOf(all);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static ClientSource sourceOf(ActivityType type) {
        return switch (type) {
            case EMAIL_IN, EMAIL_OUT -> ClientSource.EMAIL;
            case WHATSAPP -> ClientSource.WHATSAPP;
            case CALL -> ClientSource.PHONE;
            default -> ClientSource.MANUAL;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
