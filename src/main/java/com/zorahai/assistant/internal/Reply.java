package com.zorahai.assistant.internal;

import java.util.List;

/** One message the assistant sends: text, or text with choices (buttons, a list, or numbered lines). */
sealed interface Reply {

    record Text(String body) implements Reply {
    }

    /**
     * A question with choices; the ids come back in the customer's tap and are remembered in order, so "2" works too.
     *
     * @param button the label of the button that opens a list (used when there are more than three choices)
     */
    record Options(String body, String button, List<Option> options) implements Reply {

        public Options {
            options = List.copyOf(options);
        }
    }

    /** A choice: {@code id} is what the assistant reads back. */
    record Option(String id, String title, String description) {

        Option(String id, String title) {
            this(id, title, null);
        }
    }
}
