package com.zorahai.assistant;

import static com.zorahai.whatsapp.MetaPayloads.buttonReply;
import static com.zorahai.whatsapp.MetaPayloads.image;
import static com.zorahai.whatsapp.MetaPayloads.listReply;
import static com.zorahai.whatsapp.MetaPayloads.messages;
import static com.zorahai.whatsapp.MetaPayloads.text;
import static com.zorahai.whatsapp.MetaPayloads.voiceNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zorahai.assistant.internal.AssistantSettings;
import com.zorahai.booking.calendar.CalendarAdmin;
import com.zorahai.booking.calendar.CalendarAdmin.HoursDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ResourceDraft;
import com.zorahai.booking.calendar.CalendarAdmin.ServiceDraft;
import com.zorahai.knowledge.Knowledge;
import com.zorahai.knowledge.NewQaPair;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.Tenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.internal.TenantRegistry;
import com.zorahai.tenancy.internal.TenantStore;
import com.zorahai.whatsapp.WhatsAppTestSupport;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole conversations through the WhatsApp webhook (Meta's format, sandbox provider): a clinic of its own per test
 * with a built-in calendar in Beirut, customers who write, tap buttons and pick list rows, and the replies the
 * sandbox recorded.
 */
public abstract class AssistantTestSupport extends WhatsAppTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected com.zorahai.tenancy.Tenants tenantDirectory;

    @Autowired
    protected TenantStore tenantStore;

    @Autowired
    protected TenantRegistry tenantRegistry;

    @Autowired
    protected TransactionTemplate transactionTemplate;

    @Autowired
    protected CalendarAdmin calendar;

    @Autowired
    protected Knowledge knowledge;

    @Autowired
    protected AssistantEventRecorder events;

    @Autowired
    protected AssistantSettings assistantSettings;

    /** A clinic with a sandbox WhatsApp channel and a built-in calendar. */
    protected record Clinic(String id, String laser, String consultation) {

        public TenantId tenant() {
            return TenantId.of(id);
        }
    }

    /**
     * A clinic in Beirut (locale {@code locale}) with two rooms open Monday to Saturday 09:00-18:00, a 60-minute
     * "Laser full legs" (USD 120; women 110, men 150) and a free 15-minute "Consultation".
     */
    protected Clinic clinic(String locale) {
        String id = "asst-" + UUID.randomUUID().toString().substring(0, 10);
        tenantDirectory.create(new NewTenant(TenantId.of(id), "Clinic " + id,
                Set.of(Tenant.Feature.WHATSAPP, Tenant.Feature.BOOKING)));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", "Asia/Beirut");
        settings.put("locale", locale);
        settings.put("whatsapp", Map.of("provider", "sandbox"));
        transactionTemplate.executeWithoutResult(tx -> {
            tenantStore.lockSettings(TenantId.of(id));
            tenantStore.saveSettings(TenantId.of(id), settings);
        });
        tenantRegistry.invalidate();
        TenantId tenant = TenantId.of(id);
        var laser = calendar.createService(tenant, new ServiceDraft("Laser full legs", "Diode laser", 60,
                new BigDecimal("120.00"), "USD", new BigDecimal("110.00"), new BigDecimal("150.00"), true,
                Set.of("name", "description", "duration_minutes", "price", "currency", "price_female",
                        "price_male")));
        var consultation = calendar.createService(tenant, new ServiceDraft("Consultation", null, 15, BigDecimal.ZERO,
                null, null, null, true, Set.of("name", "duration_minutes", "price")));
        calendar.createResource(tenant, new ResourceDraft("Room 1", "room", true, List.of(), Set.of("name", "kind")));
        calendar.createResource(tenant, new ResourceDraft("Room 2", "room", true, List.of(), Set.of("name", "kind")));
        List<HoursDraft> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.add(new HoursDraft(day.name().toLowerCase(), "09:00", "18:00"));
            }
        }
        calendar.replaceHours(tenant, null, hours);
        botOn(id);
        return new Clinic(id, laser.id().toString(), consultation.id().toString());
    }

    /** Switches the bot on for the tenant (the test configuration leaves it off by default). */
    protected void botOn(String tenant) {
        assistantSettings.put(TenantId.of(tenant), new AssistantSettings.Change(true, List.of(), 2), null);
    }

    protected void qa(Clinic clinic, String question, String answer) {
        knowledge.addQa(clinic.tenant(), NewQaPair.of(question, answer, List.of()));
    }

    /** A message the sandbox sent: its text (body) and the ids and titles of its buttons or list rows. */
    protected record Sent(String type, String text, List<String> ids, List<String> titles) {

        public boolean interactive() {
            return type.equals("interactive");
        }
    }

    /** A customer writing to a clinic from a phone of their own. */
    protected final class Customer {

        final Clinic clinic;
        /** A Lebanese mobile number (71 xxx xxx), valid for the booking's phone check. */
        final String phone = "96171" + String.valueOf(1_000_000 + (long) (Math.random() * 8_999_999)).substring(1);
        final String name;
        private int seen;

        Customer(Clinic clinic, String name) {
            this.clinic = clinic;
            this.name = name;
        }

        public List<Sent> says(String body) {
            String id = wamid();
            return exchange(id, text(id, phone, body.replace("\"", "\\\"")));
        }

        public List<Sent> taps(String replyId, String title) {
            String id = wamid();
            return exchange(id, buttonReply(id, phone, replyId, title, wamid()));
        }

        public List<Sent> picks(String rowId, String title) {
            String id = wamid();
            return exchange(id, listReply(id, phone, rowId, title, ""));
        }

        public List<Sent> sendsPhoto() {
            String id = wamid();
            return exchange(id, image(id, phone, "1048" + System.nanoTime(), "is this ok?"));
        }

        public List<Sent> sendsVoiceNote() {
            String id = wamid();
            return exchange(id, voiceNote(id, phone, "2048" + System.nanoTime()));
        }

        /** Writes while the bot is paused: stored, and nothing answers it. */
        public void saysUnanswered(String body) {
            String id = wamid();
            assertOk(post("/webhook/whatsapp/" + clinic.id(), messages("1", phone, name, text(id, phone, body))));
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> turns(id) == 0 && replies().size() == seen);
        }

        /** Waits for {@code count} messages the customer did not ask for (a reminder), and returns them. */
        public List<Sent> receives(int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                drain();
                return replies().size() >= seen + count;
            });
            List<Sent> all = replies();
            List<Sent> fresh = all.subList(seen, all.size());
            seen = all.size();
            return List.copyOf(fresh);
        }

        public UUID conversation() {
            return conversationOf(clinic.id(), phone);
        }

        private List<Sent> exchange(String wamid, String message) {
            assertOk(post("/webhook/whatsapp/" + clinic.id(), messages("1", phone, name, message)));
            await().atMost(Duration.ofSeconds(20)).until(() -> finishedTurns(wamid) == 1);
            drain();
            List<Sent> all = replies();
            List<Sent> fresh = all.subList(seen, all.size());
            seen = all.size();
            assertThat(fresh).as("replies to %s", wamid).isNotEmpty();
            return List.copyOf(fresh);
        }

        /** Every message the sandbox sent this customer, oldest first. */
        public List<Sent> replies() {
            return jdbc.sql("""
                    select body::text from whatsapp_sandbox_messages where tenant_id = :t and recipient = :r
                     order by created_at, id""")
                    .param("t", clinic.id())
                    .param("r", phone)
                    .query(String.class)
                    .list()
                    .stream()
                    .map(AssistantTestSupport::sent)
                    .toList();
        }

        private long finishedTurns(String wamid) {
            return jdbc.sql("""
                    select count(*) from assistant_turns t join whatsapp_messages m on m.id = t.inbound_message_id
                     where m.provider_message_id = :wamid and t.outcome is not null""")
                    .param("wamid", wamid)
                    .query(Long.class)
                    .single();
        }

        private long turns(String wamid) {
            return jdbc.sql("""
                    select count(*) from assistant_turns t join whatsapp_messages m on m.id = t.inbound_message_id
                     where m.provider_message_id = :wamid""")
                    .param("wamid", wamid)
                    .query(Long.class)
                    .single();
        }
    }

    protected Customer customer(Clinic clinic, String name) {
        return new Customer(clinic, name);
    }

    static Sent sent(String body) {
        JsonNode root = JSON.readTree(body);
        String type = root.path("type").asString();
        if (type.equals("text")) {
            return new Sent(type, root.path("text").path("body").asString(), List.of(), List.of());
        }
        if (type.equals("interactive")) {
            JsonNode interactive = root.path("interactive");
            List<String> ids = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (JsonNode button : interactive.path("action").path("buttons")) {
                ids.add(button.path("reply").path("id").asString());
                titles.add(button.path("reply").path("title").asString());
            }
            for (JsonNode section : interactive.path("action").path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    ids.add(row.path("id").asString());
                    titles.add(row.path("title").asString());
                }
            }
            return new Sent(type, interactive.path("body").path("text").asString(), ids, titles);
        }
        if (type.equals("template")) {
            List<String> parameters = new ArrayList<>();
            for (JsonNode component : root.path("template").path("components")) {
                for (JsonNode parameter : component.path("parameters")) {
                    parameters.add(parameter.path("text").asString());
                }
            }
            return new Sent(type, root.path("template").path("name").asString(), List.of(), parameters);
        }
        return new Sent(type, body, List.of(), List.of());
    }

    /** The whole text of the replies, to search in. */
    protected static String texts(List<Sent> sent) {
        return String.join("\n", sent.stream().map(Sent::text).toList());
    }
}
