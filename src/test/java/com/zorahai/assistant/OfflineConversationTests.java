package com.zorahai.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.booking.Appointment;
import com.zorahai.booking.AppointmentBooked;
import com.zorahai.booking.Bookings;
import com.zorahai.booking.Channel;
import com.zorahai.booking.Gender;
import com.zorahai.identity.Role;
import com.zorahai.whatsapp.Conversation;
import com.zorahai.whatsapp.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Whole conversations with the offline assistant, through the webhook and the sandbox provider. */
class OfflineConversationTests extends AssistantTestSupport {

    @Autowired
    Bookings bookings;

    @Test
    void aQuestionThenPricesThenABookingEndToEnd() {
        Clinic clinic = clinic("en");
        qa(clinic, "Does laser hair removal hurt?",
                "Our lasers have built-in cooling, so most clients feel only a light snap.");
        Customer maya = customer(clinic, "Maya");

        List<Sent> hello = maya.says("Hi");
        assertThat(hello).singleElement().satisfies(s -> {
            assertThat(s.interactive()).isTrue();
            assertThat(s.text()).startsWith("Hello Maya!").contains("Clinic " + clinic.id());
            assertThat(s.ids()).containsExactly("intent:booking", "intent:prices", "intent:human");
        });

        assertThat(texts(maya.says("Does laser hair removal hurt?"))).contains("built-in cooling");

        String prices = texts(maya.says("How much is laser for full legs?"));
        assertThat(prices).contains("Laser full legs").contains("USD 110").contains("USD 150");

        List<Sent> gender = maya.says("I'd like to book laser full legs");
        assertThat(gender).singleElement().satisfies(s -> {
            assertThat(s.text()).contains("woman or a man");
            assertThat(s.ids()).containsExactly("gender:female", "gender:male");
        });

        Sent days = maya.taps("gender:female", "Woman").getFirst();
        assertThat(days.interactive()).isTrue();
        assertThat(days.text()).contains("Laser full legs");
        assertThat(days.ids()).isNotEmpty().allMatch(id -> id.startsWith("day:"));

        Sent times = maya.picks(days.ids().getFirst(), days.titles().getFirst()).getFirst();
        assertThat(times.text()).contains(days.titles().getFirst());
        assertThat(times.ids()).isNotEmpty().allMatch(id -> id.startsWith("time:"));
        String time = times.titles().getFirst();

        Sent confirm = maya.says("1").getFirst();
        assertThat(confirm.text()).startsWith("Shall I book Laser full legs on").contains(time);
        assertThat(confirm.ids()).containsExactly("yes", "no");

        String booked = texts(maya.taps("yes", "Yes, book it"));
        assertThat(booked).startsWith("You're booked! Laser full legs on").contains(time);

        List<Appointment> upcoming = bookings.upcomingFor(clinic.tenant(), "+" + maya.phone);
        assertThat(upcoming).singleElement().satisfies(a -> {
            assertThat(a.serviceName()).isEqualTo("Laser full legs");
            assertThat(a.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(a.gender()).isEqualTo(Gender.FEMALE);
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.customerName()).isEqualTo("Maya");
            assertThat(a.price().amount()).isEqualByComparingTo("110");
        });
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            assertThat(events.of(clinic.id(), maya.conversation(), BookingStarted.class)).hasSize(1);
            assertThat(events.of(clinic.id(), maya.conversation(), AppointmentBooked.class)).hasSize(1);
            assertThat(events.of(clinic.id(), maya.conversation(), AssistantMessageReceived.class)).hasSize(8);
            assertThat(events.of(clinic.id(), maya.conversation(), AssistantAnswered.class)).hasSize(8)
                    .allSatisfy(a -> {
                        assertThat(a.engine()).isEqualTo("offline");
                        assertThat(a.language()).isEqualTo("en");
                    });
        });
    }

    @Test
    void anArabicQuestionIsAnsweredInArabic() {
        Clinic clinic = clinic("en");
        qa(clinic, "هل إزالة الشعر بالليزر مؤلمة؟",
                "أجهزتنا مزودة بنظام تبريد، لذلك يشعر معظم العملاء بوخزة خفيفة فقط.");
        Customer layla = customer(clinic, "Layla");

        assertThat(texts(layla.says("مرحبا"))).startsWith("أهلاً وسهلاً Layla!");
        assertThat(texts(layla.says("هل إزالة الشعر بالليزر مؤلمة؟"))).contains("نظام تبريد");
        String prices = texts(layla.says("كم الأسعار؟"));
        assertThat(prices).startsWith("إليك أسعارنا:").contains("USD 110 للسيدات").contains("مجاناً");

        Sent services = layla.says("بدي احجز موعد").getFirst();
        assertThat(services.text()).isEqualTo("ما العلاج الذي ترغب في حجزه؟");
        int consultation = services.titles().indexOf("Consultation") + 1;
        assertThat(events.of(clinic.id(), layla.conversation(), AssistantMessageReceived.class))
                .allSatisfy(r -> assertThat(r.language()).isEqualTo("ar"));
        // an answer that is only a number keeps the conversation's language
        Sent next = layla.says(String.valueOf((char) ('٠' + consultation))).getFirst();
        assertThat(next.text()).startsWith("متى تود القدوم لـ Consultation");
    }

    @Test
    void aFrenchCustomerIsWelcomedInFrench() {
        Clinic clinic = clinic("en");
        Customer camille = customer(clinic, "Camille");

        assertThat(texts(camille.says("Bonjour"))).startsWith("Bonjour Camille !");
        assertThat(texts(camille.says("Quels sont vos prix ?"))).startsWith("Voici nos tarifs :")
                .contains("Consultation : gratuit");
    }

    @Test
    void askingForAPersonHandsOverAndNotifiesStaff() {
        Clinic clinic = clinic("en");
        assertThat(mvc.put().uri("/api/v1/assistant/settings")
                .header("Authorization", tokens.bearer(clinic.id(), Role.OWNER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"bot_enabled": true, "handover_emails": ["desk@clinic.example"], "max_failures": 2}""")
                .exchange()).hasStatusOk();
        Customer omar = customer(clinic, "Omar");

        assertThat(texts(omar.says("I want to talk to a real person"))).contains("connecting you with a member");

        Conversation conversation = messages.conversation(clinic.tenant(), omar.conversation()).orElseThrow();
        assertThat(conversation.botPaused()).isTrue();
        assertThat(conversation.needsHuman()).isTrue();
        assertThat(conversation.handoffReason()).isEqualTo(AssistantHandedOver.CUSTOMER_ASKED);
        String email = jdbc.sql("""
                select subject || ' / ' || text_body from outbound_emails where tenant_id = :t""")
                .param("t", clinic.id()).query(String.class).single();
        assertThat(email).contains("Omar").contains("asked to talk to a person").contains("+" + omar.phone);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                events.of(clinic.id(), omar.conversation(), AssistantHandedOver.class))
                .singleElement().satisfies(h -> assertThat(h.reason()).isEqualTo("customer_asked")));

        omar.saysUnanswered("Hello? Anyone?");
    }

    @Test
    void twoFailuresInARowHandOver() {
        Clinic clinic = clinic("en");
        Customer sam = customer(clinic, "Sam");

        assertThat(texts(sam.says("Do you validate parking tickets from the mall?")))
                .contains("passed it on to our team");
        assertThat(texts(sam.says("Can my dog come inside with me?")))
                .contains("I'm sorry I couldn't help with that");

        assertThat(messages.conversation(clinic.tenant(), sam.conversation()).orElseThrow().botPaused()).isTrue();
        assertThat(jdbc.sql("select question from assistant_unanswered where tenant_id = :t order by created_at")
                .param("t", clinic.id()).query(String.class).list())
                .containsExactly("Do you validate parking tickets from the mall?", "Can my dog come inside with me?");
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            assertThat(events.of(clinic.id(), sam.conversation(), UnansweredQuestion.class)).hasSize(2)
                    .allSatisfy(u -> assertThat(u.language()).isEqualTo("en"));
            assertThat(events.of(clinic.id(), sam.conversation(), AssistantHandedOver.class)).singleElement()
                    .satisfies(h -> assertThat(h.reason()).isEqualTo("bot_failed"));
        });
    }

    @Test
    void photosAndVoiceNotesGetAPoliteHandover() {
        Clinic clinic = clinic("en");
        Customer rana = customer(clinic, "Rana");
        assertThat(texts(rana.says("Hi"))).startsWith("Hello Rana!");

        assertThat(texts(rana.sendsPhoto())).isEqualTo(
                "Thank you for the photo. A member of our team will look at it and reply to you here shortly.");
        assertThat(messages.conversation(clinic.tenant(), rana.conversation()).orElseThrow().handoffReason())
                .isEqualTo("photo");

        Clinic other = clinic("fr");
        Customer luc = customer(other, "Luc");
        assertThat(texts(luc.sendsVoiceNote())).startsWith("Merci pour votre message vocal.");
        assertThat(recorder.received(other.id())).extracting(e -> e.message().type()).contains(MessageType.AUDIO);
    }
}
