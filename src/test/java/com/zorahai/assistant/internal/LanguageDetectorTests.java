package com.zorahai.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTests {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void arabicScriptIsArabic() {
        assertThat(detector.detect("كم سعر الليزر للساقين؟")).contains(Language.AR);
        assertThat(detector.detect("مرحبا، بدي احجز موعد laser")).contains(Language.AR);
    }

    @Test
    void frenchWordsOrAccentsAreFrench() {
        assertThat(detector.detect("Bonjour, quels sont vos horaires ?")).contains(Language.FR);
        assertThat(detector.detect("Je voudrais prendre rendez-vous demain")).contains(Language.FR);
        assertThat(detector.detect("prix épilation")).contains(Language.FR);
        assertThat(detector.detect("merci")).contains(Language.FR);
    }

    @Test
    void otherLatinTextIsEnglish() {
        assertThat(detector.detect("How much is laser for full legs?")).contains(Language.EN);
        assertThat(detector.detect("I want to book an appointment")).contains(Language.EN);
        assertThat(detector.detect("ok")).contains(Language.EN);
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertThat(detector.detect("2")).isEmpty();
        assertThat(detector.detect("👍")).isEmpty();
        assertThat(detector.detect("  ")).isEmpty();
        assertThat(detector.detect(null)).isEmpty();
    }

    @Test
    void languageCodesWithRegionsAreRead() {
        assertThat(Language.of("ar_LB")).contains(Language.AR);
        assertThat(Language.of("en-GB")).contains(Language.EN);
        assertThat(Language.of("fr")).contains(Language.FR);
        assertThat(Language.of("de")).isEmpty();
        assertThat(Language.of(null)).isEmpty();
    }
}
