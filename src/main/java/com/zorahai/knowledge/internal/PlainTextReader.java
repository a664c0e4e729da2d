package com.zorahai.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text and Markdown into blocks. Headings: Markdown {@code #} lines and underlined (setext) lines in both;
 * in plain text also short lines written in capitals ({@code OPENING HOURS}). Markdown also loses its inline markup
 * (emphasis, code ticks, link targets, images) and code fences, so snippets read as text.
 */
final class PlainTextReader {

    private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^\\s{0,3}(=+|-+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([*+]|\\d+[.)])\\s+");

    private PlainTextReader() {
    }

    static ExtractedDocument read(String source, boolean markdown) {
        TextBuilder out = new TextBuilder();
        String[] lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> paragraph = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (markdown && FENCE.matcher(line).matches()) {
                inFence = !inFence;
                flush(out, paragraph, markdown);
                continue;
            }
            if (inFence) {
                paragraph.add(line);
                continue;
            }
            if (line.isBlank()) {
                flush(out, paragraph, markdown);
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                flush(out, paragraph, markdown);
                out.heading(atx.group(1).length(), inline(atx.group(2), markdown));
                continue;
            }
            if (paragraph.isEmpty() && i + 1 < lines.length && !line.isBlank()
                    && SETEXT.matcher(lines[i + 1]).matches() && line.strip().length() <= 120) {
                out.heading(lines[i + 1].strip().startsWith("=") ? 1 : 2, inline(line, markdown));
                i++;
                continue;
            }
            if (!markdown && paragraph.isEmpty() && isCapitalsHeading(line, i + 1 < lines.length
                    ? lines[i + 1]
                    : "")) {
                out.heading(1, line);
                continue;
            }
            paragraph.add(line);
        }
        flush(out, paragraph, markdown);
        return out.build(out.firstHeading());
    }

    private static void flush(TextBuilder out, List<String> paragraph, boolean markdown) {
        if (paragraph.isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder();
        for (String line : paragraph) {
            String l = markdown ? inline(LIST_ITEM.matcher(line).replaceFirst("- "), true) : line;
            if (markdown && l.strip().startsWith(">")) {
                l = l.strip().substring(1);
            }
            block.append(l).append('\n');
        }
        out.paragraph(block.toString());
        paragraph.clear();
    }

    /** {@code OPENING HOURS} alone on a line (followed by text or a blank line): at most 80 characters, 3+ letters. */
    static boolean isCapitalsHeading(String line, String next) {
        String s = line.strip();
        if (s.length() > 80 || s.endsWith(".") || s.endsWith(",")) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c) || !Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }

    private static String inline(String s, boolean markdown) {
        if (!markdown) {
            return s;
        }
        String out = IMAGE.matcher(s).replaceAll("$1");
        out = LINK.matcher(out).replaceAll("$1");
        String previous;
        do {
            previous = out;
            out = EMPHASIS.matcher(out).replaceAll("$2");
        } while (!out.equals(previous));
        return out;
    }
}
