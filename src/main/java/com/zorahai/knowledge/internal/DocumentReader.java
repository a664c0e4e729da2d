package com.zorahai.knowledge.internal;

import com.zorahai.platform.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpStatus;

/**
 * Reads the text and headings out of an uploaded document. Plain text and Markdown must be UTF-8; HTML through
 * jsoup; PDF through PDFBox; DOCX straight from its {@code word/document.xml} (paragraph styles {@code Title} and
 * {@code Heading1..6} become headings). A file that cannot be read is a 422 {@code unreadable-document}.
 */
public final class DocumentReader {

    /** Largest unpacked part of a DOCX we read: a zip bomb stops here. */
    static final long MAX_DOCX_XML_BYTES = 64L * 1024 * 1024;

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|titre|berschrift)\\s*(\\d)$");

    private DocumentReader() {
    }

    public static ExtractedDocument read(DocumentFormat format, byte[] content) {
        return switch (format) {
            case TEXT -> PlainTextReader.read(utf8(content), false);
            case MARKDOWN -> PlainTextReader.read(utf8(content), true);
            case HTML -> html(new String(content, StandardCharsets.UTF_8));
            case PDF -> pdf(content);
            case DOCX -> docx(content);
        };
    }

    static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw unreadable("The text is not valid UTF-8.");
        }
    }

    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, tr, dt, dd, figcaption";

    static ExtractedDocument html(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, nav, svg").remove();
        TextBuilder out = new TextBuilder();
        Set<Element> blocks = new HashSet<>(doc.body().select(BLOCKS));
        for (Element element : doc.body().select(BLOCKS)) {
            if (element.select(BLOCKS).stream().anyMatch(inner -> inner != element && blocks.contains(inner))) {
                continue; // a block holding other blocks: its inner blocks are read instead
            }
            String tag = element.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                out.heading(tag.charAt(1) - '0', element.text());
            } else if (tag.equals("li")) {
                out.paragraph("- " + element.text());
            } else if (tag.equals("tr")) {
                out.paragraph(String.join(" | ", element.select("th, td").eachText()));
            } else if (tag.equals("pre")) {
                out.paragraph(element.wholeText());
            } else {
                out.paragraph(element.text());
            }
        }
        if (out.isEmpty()) {
            out.paragraph(doc.body().text());
        }
        String title = doc.title().isBlank() ? out.firstHeading() : TextBuilder.collapse(doc.title());
        return out.build(title);
    }

    static ExtractedDocument pdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (!pdf.getCurrentAccessPermission().canExtractContent()) {
                throw unreadable("The PDF does not allow its text to be extracted.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n");
            String text = stripper.getText(pdf);
            ExtractedDocument read = PlainTextReader.read(text, false);
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new ExtractedDocument(title == null || title.isBlank() ? read.title() : title.strip(),
                    read.text(), read.headings());
        } catch (InvalidPasswordException e) {
            throw unreadable("The PDF is encrypted.");
        } catch (IOException e) {
            throw unreadable("The file is not a readable PDF.");
        }
    }

    static ExtractedDocument docx(byte[] content) {
        byte[] document = null;
        byte[] core = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals("word/document.xml")) {
                    document = readLimited(zip);
                } else if (entry.getName().equals("docProps/core.xml")) {
                    core = readLimited(zip);
                }
            }
        } catch (IOException e) {
            throw unreadable("The file is not a readable DOCX.");
        }
        if (document == null) {
            throw unreadable("The file is not a readable DOCX.");
        }
        try {
            TextBuilder out = new TextBuilder();
            readParagraphs(document, out);
            String title = core == null ? null : coreTitle(core);
            return out.build(title == null || title.isBlank() ? out.firstHeading() : title.strip());
        } catch (XMLStreamException e) {
            throw unreadable("The file is not a readable DOCX.");
        }
    }

    private static void readParagraphs(byte[] xml, TextBuilder out) throws XMLStreamException {
        XMLStreamReader reader = xmlReader(xml);
        StringBuilder paragraph = null;
        String style = null;
        boolean listItem = false;
        boolean inText = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                switch (name) {
                    case "p" -> {
                        paragraph = new StringBuilder();
                        style = null;
                        listItem = false;
                    }
                    case "pStyle" -> style = attribute(reader, "val");
                    case "numPr" -> listItem = true;
                    case "t" -> inText = true;
                    case "tab" -> {
                        if (paragraph != null) {
                            paragraph.append('\t');
                        }
                    }
                    case "br", "cr" -> {
                        if (paragraph != null) {
                            paragraph.append('\n');
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && inText && paragraph != null) {
                paragraph.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("t")) {
                    inText = false;
                } else if (name.equals("p") && paragraph != null) {
                    int level = headingLevel(style);
                    if (level > 0) {
                        out.heading(level, paragraph.toString());
                    } else {
                        out.paragraph((listItem ? "- " : "") + paragraph);
                    }
                    paragraph = null;
                }
            }
        }
    }

    /** {@code Title} is level 1, {@code Heading2} level 2 (localised style ids too); 0 for body text. */
    static int headingLevel(String style) {
        if (style == null) {
            return 0;
        }
        if (style.equalsIgnoreCase("Title")) {
            return 1;
        }
        Matcher m = HEADING_STYLE.matcher(style.replaceAll("[^A-Za-z0-9]", " ").replaceAll("([a-z])(\\d)", "$1 $2")
                .strip());
        return m.matches() ? Math.max(1, Math.min(6, Integer.parseInt(m.group(1)))) : 0;
    }

    private static String coreTitle(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = xmlReader(xml);
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("title")) {
                return reader.getElementText();
            }
        }
        return null;
    }

    private static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    private static XMLStreamReader xmlReader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > MAX_DOCX_XML_BYTES) {
                throw unreadable("The DOCX unpacks to more than 64 MB.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static ProblemException unreadable(String detail) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-document", "Unreadable document",
                detail);
    }
}
