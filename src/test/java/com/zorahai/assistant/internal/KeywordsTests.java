package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.booking.Gender;
import org.junit.jupiter.api.Test;

class KeywordsTests {

    @Test
    void pricesInThreeLanguages() {
        assertThat(Keywords.intent("How much is laser?")).isEqualTo(Intent.PRICES);
        assertThat(Keywords.intent("Quels sont vos prix ?")).isEqualTo(Intent.PRICES);
        assertThat(Keywords.intent("شو الأسعار؟")).isEqualTo(Intent.PRICES);
        assertThat(Keywords.intent("بكم جلسة الليزر")).isEqualTo(Intent.PRICES);
    }

    @Test
    void aPersonInThreeLanguages() {
        assertThat(Keywords.intent("Can I talk to a real person please")).isEqualTo(Intent.HUMAN);
        assertThat(Keywords.intent("je veux parler à quelqu'un")).isEqualTo(Intent.HUMAN);
        assertThat(Keywords.intent("بدي احكي مع موظف")).isEqualTo(Intent.HUMAN);
        assertThat(Keywords.intent("Je veux un humain")).isEqualTo(Intent.HUMAN);
    }

    @Test
    void bookingHoursLocationCancelReschedule() {
        assertThat(Keywords.intent("I'd like to book an appointment")).isEqualTo(Intent.BOOKING);
        assertThat(Keywords.intent("je voudrais un rendez-vous")).isEqualTo(Intent.BOOKING);
        assertThat(Keywords.intent("بدي احجز")).isEqualTo(Intent.BOOKING);
        assertThat(Keywords.intent("What time do you open on Saturday?")).isEqualTo(Intent.HOURS);
        assertThat(Keywords.intent("Quels sont vos horaires")).isEqualTo(Intent.HOURS);
        assertThat(Keywords.intent("ما هي ساعات العمل")).isEqualTo(Intent.HOURS);
        assertThat(Keywords.intent("Where are you located?")).isEqualTo(Intent.LOCATION);
        assertThat(Keywords.intent("وين العيادة")).isEqualTo(Intent.LOCATION);
        assertThat(Keywords.intent("I need to cancel my appointment")).isEqualTo(Intent.CANCEL);
        assertThat(Keywords.intent("annuler")).isEqualTo(Intent.CANCEL);
        assertThat(Keywords.intent("إلغاء")).isEqualTo(Intent.CANCEL);
        assertThat(Keywords.intent("Can I reschedule?")).isEqualTo(Intent.RESCHEDULE);
        assertThat(Keywords.intent("je dois reporter")).isEqualTo(Intent.RESCHEDULE);
        assertThat(Keywords.intent("بدي تأجيل الموعد")).isEqualTo(Intent.RESCHEDULE);
    }

    @Test
    void greetingsThanksAndQuestions() {
        assertThat(Keywords.intent("Hi")).isEqualTo(Intent.GREETING);
        assertThat(Keywords.intent("مرحبا")).isEqualTo(Intent.GREETING);
        assertThat(Keywords.intent("merci beaucoup")).isEqualTo(Intent.THANKS);
        assertThat(Keywords.intent("Does laser hair removal hurt?")).isEqualTo(Intent.QUESTION);
    }

    @Test
    void yesNoAndStop() {
        assertThat(Keywords.yesNo("Yes please")).contains(true);
        assertThat(Keywords.yesNo("oui")).contains(true);
        assertThat(Keywords.yesNo("نعم")).contains(true);
        assertThat(Keywords.yesNo("no")).contains(false);
        assertThat(Keywords.yesNo("لا")).contains(false);
        assertThat(Keywords.yesNo("الأسعار")).isEmpty();
        assertThat(Keywords.stop("never mind")).isTrue();
        assertThat(Keywords.stop("laisse tomber")).isTrue();
        assertThat(Keywords.stop("tomorrow")).isFalse();
    }

    @Test
    void foldingUnifiesArabicLettersAndDigits() {
        assertThat(Keywords.fold("أسعار ١٢")).isEqualTo("اسعار 12");
        assertThat(Keywords.fold("Épilation, s'il vous plaît!")).isEqualTo("epilation s il vous plait");
    }

    @Test
    void gendersAreRead() {
        assertThat(Genders.of("price for men")).contains(Gender.MALE);
        assertThat(Genders.of("pour une femme")).contains(Gender.FEMALE);
        assertThat(Genders.of("للسيدات")).contains(Gender.FEMALE);
        assertThat(Genders.of("laser")).isEmpty();
    }
}
