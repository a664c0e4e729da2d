package com.zorahai.assistant.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells Arabic, French and English apart in short chat messages: Arabic script means Arabic; otherwise French when
 * French words or accents outweigh English words; otherwise English. A message without letters (a number, an emoji)
 * has no language, so the conversation keeps the one it had.
 */
final class LanguageDetector {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "de", "est", "je", "j", "tu",
            "vous", "nous", "bonjour", "bonsoir", "salut", "merci", "pour", "avec", "une", "un", "et", "quel", "quelle",
            "quels", "quelles", "combien", "oui", "non", "c", "s", "qu", "voudrais", "veux", "prix", "tarif", "tarifs",
            "horaires", "ouvert", "ouverte", "adresse", "annuler", "réserver", "reserver", "rendez", "rdv", "humain",
            "parler", "plaît", "plait", "suis", "mon", "ma", "mes", "votre", "vos", "avez", "pouvez", "peux", "faire",
            "aujourd", "demain", "quand", "où", "comment", "êtes", "etes", "coûte", "coute", "séance", "seance",
            "épilation", "epilation", "jambes", "femme", "homme", "au", "aux", "ce", "cette", "pas", "très", "trop",
            "reporter", "changer", "quelqu", "personne", "semaine", "matin", "soir", "lundi", "mardi", "mercredi",
            "jeudi", "vendredi", "samedi", "dimanche", "d", "accord", "svp", "heure", "heures");
    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "you", "your", "i", "my", "me", "what",
            "how", "much", "do", "does", "can", "could", "book", "booking", "hello", "hi", "hey", "please", "thanks",
            "thank", "want", "to", "for", "and", "of", "appointment", "price", "prices", "cost", "open", "where",
            "when", "hours", "with", "have", "need", "would", "like", "it", "this", "that", "a", "an", "in", "on", "at",
            "yes", "no", "cancel", "reschedule", "human", "person", "someone", "tomorrow", "today", "morning",
            "legs", "laser", "session", "address", "located", "be", "will", "talk", "speak", "agent", "ok",
            "okay", "sure", "great", "good", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "week", "am", "pm", "there");

    /** The message's language, or empty when it has no letters to tell by. */
    Optional<Language> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int arabic = 0;
        int latin = 0;
        boolean accents = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c)) {
                arabic++;
            } else if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
                if ("éèêàâçîïôûùœë".indexOf(Character.toLowerCase(c)) >= 0) {
                    accents = true;
                }
            }
        }
        if (arabic == 0 && latin == 0) {
            return Optional.empty();
        }
        if (arabic >= latin) {
            return Optional.of(Language.AR);
        }
        int french = 0;
        int english = 0;
        for (String word : words(text)) {
            if (FRENCH.contains(word)) {
                french++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (accents) {
            french++;
        }
        return Optional.of(french > english ? Language.FR : Language.EN);
    }

    private static String[] words(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return lower.split("[^\\p{L}]+");
    }
}
