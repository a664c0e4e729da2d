package com.zorahai.assistant.internal;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keyword rules in English, French and Arabic. Text is folded first (lower case, no accents, Arabic letters
 * unified: أ إ آ to ا, ة to ه, ى to ي, no diacritics, Arabic-Indic digits to 0-9). Latin keywords match whole words
 * or phrases; Arabic keywords match inside words too, since Arabic writes "the", "and" and "with" onto the word.
 */
final class Keywords {

    private static final Map<Intent, List<String>> INTENTS = new EnumMap<>(Intent.class);

    static {
        INTENTS.put(Intent.HUMAN, List.of("human", "real person", "someone", "somebody", "agent", "staff",
                "representative", "operator", "talk to", "speak to", "speak with", "talk with", "call me",
                "customer service", "humain", "quelqu un", "conseiller", "conseillere", "parler a",
                "parler avec", "service client", "موظف", "انسان", "شخص حقيقي", "خدمه العملاء", "مندوب", "احكي مع",
                "اتكلم مع", "اتحدث مع", "التحدث مع", "حدا من", "بدي حدا"));
        INTENTS.put(Intent.CANCEL, List.of("cancel", "cancellation", "annuler", "annulation", "annule", "الغاء",
                "الغي", "الغيه", "كنسل"));
        INTENTS.put(Intent.RESCHEDULE,
                List.of("reschedule", "re schedule", "move my appointment", "change my appointment",
                        "change the appointment", "another time", "postpone", "reporter", "decaler",
                        "changer mon rendez vous",
                        "changer le rendez vous", "changer l heure", "deplacer", "تاجيل", "تغيير الموعد", "غير الموعد",
                        "تعديل الموعد", "موعد اخر", "وقت اخر"));
        INTENTS.put(Intent.BOOKING, List.of("book", "booking", "appointment", "reserve", "reservation", "schedule",
                "slot", "rendez vous", "rdv", "reserver", "prendre un", "حجز", "احجز", "موعد", "ميعاد", "بدي احجز"));
        INTENTS.put(Intent.PRICES, List.of("price", "prices", "pricing", "cost", "costs", "how much", "fee", "fees",
                "rate", "rates", "tariff", "prix", "tarif", "tarifs", "combien", "cout", "coute", "سعر", "اسعار",
                "الاسعار", "بكم", "قديش", "تكلفه", "كلفه", "كم يكلف", "كم سعر", "كم حق"));
        INTENTS.put(Intent.HOURS, List.of("hours", "opening", "open", "close", "closing", "closed", "working time",
                "timings", "horaires", "horaire", "ouvert", "ouverte", "ouvrez", "fermez", "ferme",
                "heures d ouverture",
                "ساعات", "دوام", "مفتوح", "تفتحون", "تفتحو", "متي تفتح", "اوقات العمل", "اوقات الدوام", "تسكرو",
                "تغلق"));
        INTENTS.put(Intent.LOCATION, List.of("where", "address", "location", "located", "directions", "map", "find you",
                "ou etes", "ou se trouve", "adresse", "situe", "situes", "localisation", "vous trouver", "وين", "اين",
                "عنوان", "العنوان", "موقع", "الموقع", "مكانكم", "مكان العياده"));
        INTENTS.put(Intent.THANKS, List.of("thanks", "thank you", "thx", "merci", "شكرا", "مشكور", "يسلمو",
                "تسلم"));
        INTENTS.put(Intent.GREETING, List.of("hi", "hello", "hey", "good morning", "good evening", "good afternoon",
                "bonjour", "bonsoir", "salut", "coucou", "مرحبا", "السلام عليكم", "اهلا", "هلا", "صباح الخير",
                "مساء الخير", "hola", "marhaba"));
    }

    private static final List<String> YES = List.of("yes", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm",
            "confirmed", "correct", "please do", "go ahead", "book it", "oui", "d accord", "dac", "ok pour moi",
            "parfait", "je confirme", "confirme", "bien sur", "نعم", "اي", "ايه", "اكيد", "تمام", "موافق", "اوكي",
            "يلا", "اكد", "أكد");
    private static final List<String> NO = List.of("no", "nope", "not now", "change", "another", "non", "pas",
            "autre", "changer", "لا", "مش", "غير", "بلا");
    private static final List<String> STOP = List.of("stop", "never mind", "nevermind", "forget it", "cancel that",
            "laisse tomber", "oublie", "arrete", "arreter", "خلص", "انسى", "بلاها", "وقف", "الغاء الحجز");

    private Keywords() {
    }

    /** The first intent whose keywords occur, in the order of {@link Intent}; {@link Intent#QUESTION} otherwise. */
    static Intent intent(String text) {
        String folded = fold(text);
        for (Map.Entry<Intent, List<String>> entry : INTENTS.entrySet()) {
            if (matchesAny(folded, entry.getValue())) {
                return entry.getKey();
            }
        }
        return Intent.QUESTION;
    }

    /** Whether the text says yes, no, or neither (empty). */
    static Optional<Boolean> yesNo(String text) {
        String folded = fold(text);
        if (matchesAny(folded, YES)) {
            return Optional.of(true);
        }
        if (matchesAny(folded, NO)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** Whether the customer wants to drop the dialogue under way. */
    static boolean stop(String text) {
        return matchesAny(fold(text), STOP);
    }

    static boolean matchesAny(String folded, List<String> keywords) {
        String padded = " " + folded + " ";
        for (String keyword : keywords) {
            String k = fold(keyword);
            if (k.isEmpty()) {
                continue;
            }
            boolean found = isArabic(k) && k.length() > 2
                    ? folded.contains(k)
                    : padded.contains(" " + k + " ") || isArabic(k) && padded.contains(" و" + k + " ");
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, no accents or Arabic diacritics, unified Arabic letters and digits, words split by one space. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            c = switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ة' -> 'ه';
                case 'ى' -> 'ي';
                case 'ـ' -> ' ';
                default -> c;
            };
            if (c >= '\u0660' && c <= '\u0669') {
                c = (char) ('0' + (c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                c = (char) ('0' + (c - '\u06F0'));
            }
            out.append(Character.isLetterOrDigit(c) || c == ':' ? Character.toLowerCase(c) : ' ');
        }
        return out.toString().toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    private static boolean isArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.ARABIC) {
                return true;
            }
        }
        return false;
    }
}
