package com.zorahai.helpdesk.internal;

import java.util.Locale;
import java.util.Set;

/** What the helpdesk says itself, in the customer's language. */
final class Phrases {

    private static final Set<String> YES = Set.of("yes", "yes please", "yeah", "yep", "sure", "ok", "okay",
            "please do", "please", "go ahead", "oui", "oui merci", "oui s'il vous plaît", "d'accord", "volontiers",
            "نعم", "اي", "أكيد", "ايوه", "نعم من فضلك", "تمام");

    private Phrases() {
    }

    static String notFound(String language) {
        return switch (language) {
            case "fr" -> "Je suis désolé, je n'ai pas cette information. Souhaitez-vous que je transmette votre "
                    + "question à notre équipe ? Elle vous répondra rapidement.";
            case "ar" -> "عذرًا، لا تتوفر لدي هذه المعلومة. هل تريد أن أحوّل سؤالك إلى فريقنا؟ سيتواصلون معك قريبًا.";
            default -> "I'm sorry, I don't know the answer to that. Would you like me to pass your question to our "
                    + "team? They will get back to you.";
        };
    }

    static String handedOver(String language) {
        return switch (language) {
            case "fr" -> "Merci. J'ai transmis votre question à notre équipe, qui vous répondra dès que possible.";
            case "ar" -> "شكرًا لك. لقد حوّلت سؤالك إلى فريقنا وسيتواصلون معك في أقرب وقت.";
            default -> "Thank you. I've passed your question to our team, and they will get back to you as soon as "
                    + "possible.";
        };
    }

    /** Whether a message only says yes (to the offer to hand over). */
    static boolean isYes(String message) {
        String m = message.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}؟،!.]+", " ").strip().replaceAll("\\s+",
                " ");
        return YES.contains(m);
    }
}
