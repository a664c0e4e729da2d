package com.zorahai.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionSimilarityTests {

    private final QuestionSimilarity similarity = new QuestionSimilarity(0.5, 0.55);

    private boolean same(String a, String b) {
        return similarity.same(QuestionSimilarity.normalize(a), QuestionSimilarity.normalize(b));
    }

    @Test
    void normalisingDropsCasePunctuationAccentsCommonWordsAndPlurals() {
        assertThat(QuestionSimilarity.normalize("  What are your PRICES for laser?!  ")).isEqualTo("what price laser");
        assertThat(QuestionSimilarity.normalize("Quel est le prix de l'épilation ?"))
                .isEqualTo("quel prix l epilation");
        assertThat(QuestionSimilarity.normalize("¿Cuánto cuesta?")).isEqualTo("cuanto cuesta");
        assertThat(QuestionSimilarity.normalize("")).isEmpty();
        assertThat(QuestionSimilarity.normalize(null)).isEmpty();
        assertThat(QuestionSimilarity.normalize("?!…")).isEmpty();
    }

    @Test
    void normalisingArabicFoldsLetterVariantsDiacriticsTatweelDigitsAndTheArticle() {
        // hamza forms of alef, ta marbuta, alef maqsura, harakat and tatweel all fold away
        assertThat(QuestionSimilarity.normalize("كَمْ سِعْرُ الجلسةِ؟"))
                .isEqualTo(QuestionSimilarity.normalize("كم سعر جلسه"));
        assertThat(QuestionSimilarity.normalize("أين العيادة")).isEqualTo(QuestionSimilarity.normalize("اين عياده"));
        assertThat(QuestionSimilarity.normalize("مـــرحبا، هل يوجد موعد ٣ مساءً؟")).isEqualTo("يوجد موعد 3 مساء");
        assertThat(QuestionSimilarity.normalize("إلى متى")).isEqualTo("متي");
    }

    @Test
    void sameQuestionInOtherWordsOrWithTyposIsTheSame() {
        assertThat(same("How much does laser hair removal cost?", "how much is laser hair removal cost")).isTrue();
        assertThat(same("Do you treat tattoos?", "Do you treat tattoo")).isTrue();
        assertThat(same("What are your opening hours?", "opening hours please")).isTrue();
        assertThat(same("Is parking available near the clinic", "is parking availble near clinic")).isTrue();
        assertThat(same("كم سعر جلسة الليزر؟", "ما هو سعر جلسة الليزر")).isTrue();
    }

    @Test
    void differentQuestionsSharingOnlyCommonWordsAreNotTheSame() {
        assertThat(same("What is the price?", "What is the address?")).isFalse();
        assertThat(same("Do you treat tattoos?", "Do you accept credit cards?")).isFalse();
        assertThat(same("How long does a session take", "How much does a session cost")).isFalse();
        assertThat(same("كم سعر الجلسة", "أين موقف السيارات")).isFalse();
        assertThat(same("clinic", "")).isFalse();
        assertThat(same("", "")).isTrue();
        assertThat(same("Hello?", "hi!")).as("greetings only").isTrue();
    }

    @Test
    void measuresBehaveLikeTheirDefinitions() {
        assertThat(QuestionSimilarity.jaccard("a b c", "a b d")).isEqualTo(0.5);
        assertThat(QuestionSimilarity.jaccard("", "")).isZero();
        assertThat(QuestionSimilarity.trigrams("cat")).containsExactlyInAnyOrder("  c", " ca", "cat", "at ");
        assertThat(QuestionSimilarity.trigramSimilarity("laser", "laser")).isEqualTo(1.0);
        assertThat(QuestionSimilarity.trigramSimilarity("laser", "lazer")).isBetween(0.2, 0.6);
        assertThat(QuestionSimilarity.words("a b a")).containsExactly("a", "b");
    }
}
