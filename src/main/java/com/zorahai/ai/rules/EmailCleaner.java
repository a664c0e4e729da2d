package com.zorahai.ai.rules;

import com.zorahai.ai.EmailText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces an email to what its sender wrote: HTML becomes text, quoted replies are cut, forwarded headers are dropped
 * (the forwarded message itself is kept: it usually is the request), signatures are moved after the body.
 */
public final class EmailCleaner {

    private static final Pattern ON_WROTE = Pattern.compile(
            "^\\s*(On\\s.{4,200}\\swrote:|Am\\s.{4,200}schrieb.*:|Le\\s.{4,200}a écrit\\s?:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_START = Pattern.compile("^\\s*On\\s.*\\d.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "^\\s*(-{2,}\\s*Forwarded message\\s*-{2,}|Begin forwarded message:?|-{2,}\\s*Forwarded by.*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(re:\\s*)?(fwd?|fw):",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("^\\s*\\*?(From|Sent|Date|To|Cc|Subject|Reply-To)\\*?:.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_HEADER = Pattern.compile("^\\s*\\*?From\\*?:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_HEADER = Pattern.compile("^\\s*\\*?(Sent|Date)\\*?:.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MOBILE = Pattern.compile(
            "^\\s*(Sent from my \\w+.*|Sent from (Yahoo|Outlook|Mail) .*|Get Outlook for .*|Sent via .*|Sent from Mail for Windows.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(kind(est)? regards|best regards|warm(est)? regards|regards|best wishes|best|many thanks|thanks( so much| again| in advance)?|thank you( so much| in advance)?|cheers|sincerely|yours sincerely|yours faithfully|all the best|kr|thx|speak soon|look(ing)? forward to hearing from you|met vriendelijke groet(en)?|vriendelijke groeten|mit freundlichen gr(ü|ue)(ß|ss)en|viele gr(ü|ue)(ß|ss)e|cordialement|saludos|groete|baie dankie)[,.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DASHES = Pattern.compile("^--\\s?$");

    /** Cleans an email; never null, possibly empty. */
    public CleanedEmail clean(EmailText email) {
        boolean quoted = false;
        String raw;
        if (email.text() != null && !email.text().isBlank()) {
            raw = email.text();
        } else if (email.html() != null && !email.html().isBlank()) {
            HtmlText html = htmlToText(email.html());
            raw = html.text();
            quoted = html.hadQuote();
        } else {
            raw = "";
        }
        String subject = email.subject().replaceAll("\\s+", " ").strip();
        boolean forwarded = FORWARD_SUBJECT.matcher(subject).find();
        raw = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').replace('\u200b', ' ');
        String[] lines = raw.split("\n", -1);

        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        segments.add(current);
        String forwardedFrom = "";
        boolean inForwardHeader = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (FORWARD_MARKER.matcher(line).matches()) {
                forwarded = true;
                inForwardHeader = true;
                current = new ArrayList<>();
                segments.add(current);
                continue;
            }
            if (inForwardHeader) {
                var from = FROM_HEADER.matcher(line);
                if (from.matches()) {
                    forwardedFrom = from.group(1).strip();
                    continue;
                }
                if (HEADER.matcher(line).matches() || line.isBlank() && current.isEmpty()) {
                    continue;
                }
                inForwardHeader = false;
            }
            if (line.stripLeading().startsWith(">")) {
                quoted = true;
                continue;
            }
            if (ON_WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches()
                    || (ON_START.matcher(line).matches() && i + 1 < lines.length
                            && ON_WROTE.matcher(line.strip() + " " + lines[i + 1].strip()).matches())) {
                quoted = true;
                break;
            }
            if (FROM_HEADER.matcher(line).matches() && headerBlockFollows(lines, i)) {
                if (forwarded) {
                    var from = FROM_HEADER.matcher(line);
                    forwardedFrom = from.matches() ? from.group(1).strip() : "";
                    inForwardHeader = true;
                    current = new ArrayList<>();
                    segments.add(current);
                    continue;
                }
                quoted = true;
                break;
            }
            if (line.strip().startsWith("________________") && i + 1 < lines.length
                    && FROM_HEADER.matcher(lines[i + 1]).matches()) {
                continue;
            }
            if (MOBILE.matcher(line).matches()) {
                continue;
            }
            current.add(line);
        }

        StringBuilder body = new StringBuilder();
        StringBuilder signature = new StringBuilder();
        for (List<String> segment : segments) {
            int cut = signatureStart(segment);
            append(body, segment.subList(0, cut));
            List<String> sig = segment.subList(cut, segment.size());
            if (!sig.isEmpty() && DASHES.matcher(sig.get(0)).matches()) {
                sig = sig.subList(1, sig.size());
            }
            append(signature, sig);
        }
        String head = subject.isEmpty() ? "" : subject + "\n\n";
        String bodyText = body.toString().strip();
        String signatureText = signature.toString().strip();
        String text = head + bodyText + (signatureText.isEmpty() ? "" : "\n\n" + signatureText);
        return new CleanedEmail(text, head.length(), head.length() + bodyText.length(), quoted, forwarded,
                forwardedFrom);
    }

    private static boolean headerBlockFollows(String[] lines, int from) {
        for (int j = from + 1; j < Math.min(lines.length, from + 5); j++) {
            if (SENT_HEADER.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Where the signature starts: the first sign-off or {@code -- } line after some text, else the end. */
    private static int signatureStart(List<String> lines) {
        boolean seenText = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (seenText && (DASHES.matcher(line).matches() || SIGN_OFF.matcher(line).matches())) {
                return i;
            }
            seenText |= !line.isBlank();
        }
        return lines.size();
    }

    private static void append(StringBuilder out, List<String> lines) {
        String joined = String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
        if (joined.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append(joined);
    }

    record HtmlText(String text, boolean hadQuote) {
    }

    /** HTML to text with line breaks where blocks end; quoted blocks are dropped. */
    static HtmlText htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        var quotes = doc.select("blockquote, div.gmail_quote, div.moz-cite-prefix, div#appendonsend, div.yahoo_quoted");
        boolean hadQuote = !quotes.isEmpty();
        quotes.remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    } else if (element.isBlock() || tag.equals("tr")) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && !element.normalName().equals("td")
                        && !element.normalName().equals("th")
                        && (element.isBlock() || element.normalName().equals("tr"))) {
                    newline(out);
                    if (element.normalName().equals("p")) {
                        out.append('\n');
                    }
                }
            }
        }, doc.body());
        String text = out.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        return new HtmlText(text.replaceAll("\n{3,}", "\n\n").strip(), hadQuote);
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
