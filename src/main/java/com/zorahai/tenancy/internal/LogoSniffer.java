package com.zorahai.tenancy.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tells what an uploaded logo really is from its bytes, never from the declared type: PNG and JPEG by their magic
 * numbers, SVG by an XML document whose root is {@code <svg>}. An SVG must also be inert: no scripts, event
 * handlers, foreign content, DTDs, processing instructions or references outside the document.
 */
public final class LogoSniffer {

    /** What the bytes are. */
    public sealed interface Result {
    }

    /** An accepted image. */
    public record Image(String contentType, String extension) implements Result {
    }

    /** Neither PNG, JPEG nor SVG. */
    public record Unsupported() implements Result {
    }

    /** An SVG that could run code or load something when displayed. */
    public record UnsafeSvg(String reason) implements Result {
    }

    public static final Image PNG = new Image("image/png", "png");
    public static final Image JPEG = new Image("image/jpeg", "jpg");
    public static final Image SVG = new Image("image/svg+xml", "svg");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed",
            "object", "handler", "listener", "audio", "video", "animation", "discard");
    private static final Pattern SCRIPT = Pattern.compile("(?i)<\\s*script");
    private static final Pattern EXTERNAL_CSS = Pattern.compile("(?i)(@import|url\\s*\\(\\s*['\"]?\\s*[^#'\"\\s)])");
    private static final Pattern JAVASCRIPT = Pattern.compile("(?i)(java|vb)script\\s*:|expression\\s*\\(");

    private LogoSniffer() {
    }

    public static Result sniff(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8
                && (bytes[2] & 0xff) == 0xff) {
            return JPEG;
        }
        return svg(bytes);
    }

    private static Result svg(byte[] bytes) {
        Optional<String> text = utf8(bytes);
        if (text.isEmpty() || !looksLikeXml(text.get())) {
            return new Unsupported();
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException ex) {
            // not well-formed, or a DOCTYPE (refused to keep entities out); an SVG only if it says so
            return text.get().contains("<svg")
                    ? new UnsafeSvg("is not a well-formed SVG without a DOCTYPE")
                    : new Unsupported();
        }
        Element root = document.getDocumentElement();
        if (root == null || !"svg".equals(localName(root))) {
            return new Unsupported();
        }
        if (SCRIPT.matcher(text.get()).find()) {
            return new UnsafeSvg("contains a script");
        }
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                return new UnsafeSvg("contains a processing instruction");
            }
        }
        String problem = inspect(root);
        return problem == null ? SVG : new UnsafeSvg(problem);
    }

    private static String inspect(Node node) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                String name = localName(element).toLowerCase(Locale.ROOT);
                if (FORBIDDEN_ELEMENTS.contains(name)) {
                    return "contains a <" + name + "> element";
                }
                if ((name.equals("set") || name.startsWith("animate"))
                        && isActive(element.getAttribute("attributeName"))) {
                    return "animates a link or an event handler";
                }
                String problem = attributes(element);
                if (problem != null) {
                    return problem;
                }
                if (name.equals("style") && unsafeCss(element.getTextContent())) {
                    return "has a style sheet that loads outside resources";
                }
            }
            case Node.PROCESSING_INSTRUCTION_NODE -> {
                return "contains a processing instruction";
            }
            case Node.ENTITY_REFERENCE_NODE -> {
                return "contains an entity reference";
            }
            default -> {
                return null;
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            String problem = inspect(child);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = localName(attribute).toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (name.startsWith("on")) {
                return "has an event handler (" + name + ")";
            }
            if ((name.equals("href") || name.equals("src") || name.equals("base"))
                    && !value.trim().startsWith("#")) {
                return "references something outside the document";
            }
            if (JAVASCRIPT.matcher(value).find()) {
                return "contains a script URL";
            }
            if (unsafeCss(value)) {
                return "references something outside the document";
            }
        }
        return null;
    }

    private static boolean isActive(String attributeName) {
        String name = attributeName.toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        String local = colon < 0 ? name : name.substring(colon + 1);
        return local.equals("href") || local.startsWith("on");
    }

    private static boolean unsafeCss(String css) {
        return css != null && (EXTERNAL_CSS.matcher(css).find() || JAVASCRIPT.matcher(css).find());
    }

    private static String localName(Node node) {
        String local = node.getLocalName();
        if (local != null) {
            return local;
        }
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static boolean looksLikeXml(String text) {
        String start = text.stripLeading();
        return start.startsWith("<");
    }

    private static Optional<String> utf8(byte[] bytes) {
        int offset = startsWith(bytes, new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException ex) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException ex) {
            throw new IllegalStateException("The XML parser cannot be made safe", ex);
        }
    }
}
