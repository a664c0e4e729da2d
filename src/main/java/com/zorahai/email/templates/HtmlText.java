package com.zorahai.email.templates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain-text alternative of an HTML email: blocks become lines, list items dashes, links keep their address,
 * everything else loses its tags.
 */
public final class HtmlText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern INVISIBLE = Pattern.compile(
            "<!--.*?-->|<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>", FLAGS);
    private static final Pattern LINK = Pattern.compile(
            "<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>",
            FLAGS);
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", FLAGS);
    private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", FLAGS);
    private static final Pattern BLOCK_END = Pattern.compile(
            "</?(p|div|h[1-6]|ul|ol|tr|table|blockquote|section|header|footer|hr)\\b[^>]*>", FLAGS);
    private static final Pattern CELL_END = Pattern.compile("</t[dh]\\s*>", FLAGS);
    private static final Pattern TAG = Pattern.compile("<[^>]+>", FLAGS);
    private static final Pattern TAG_OR_SPACE = Pattern.compile("<[^>]+>|\\s+", FLAGS);

    private HtmlText() {
    }

    public static String of(String html) {
        if (html == null) {
            return null;
        }
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = links(text);
        text = BREAK.matcher(text).replaceAll("\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = CELL_END.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blank = 0;
        }
        return out.toString();
    }

    private static String links(String html) {
        Matcher m = LINK.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String href = HtmlUtils.htmlUnescape(m.group(1)).strip();
            String label = HtmlUtils.htmlUnescape(TAG_OR_SPACE.matcher(m.group(2)).replaceAll(" ")).strip();
            String replacement;
            if (href.isEmpty() || href.startsWith("#") || href.equals(label)) {
                replacement = label;
            } else if (href.regionMatches(true, 0, "mailto:", 0, 7)) {
                replacement = label.isEmpty() ? href.substring(7) : label;
            } else {
                replacement = label.isEmpty() ? href : label + " (" + href + ")";
            }
            // escape again: the unescape of the whole text comes later
            m.appendReplacement(out, Matcher.quoteReplacement(HtmlUtils.htmlEscape(replacement)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
