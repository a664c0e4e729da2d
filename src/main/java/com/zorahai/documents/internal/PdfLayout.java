package com.zorahai.documents.internal;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;

/**
 * Lays HTML out as PDF. Any HTML is accepted: jsoup parses it the way a browser would and hands openhtmltopdf a
 * well-formed DOM. The shipped DejaVu Sans fonts are embedded (subset) and stand in for any font family a template
 * names, so Latin, Greek, Cyrillic and Arabic text renders whatever the CSS asks for; right-to-left runs are laid out
 * with the JDK's bidi algorithm and Arabic letters joined ({@link ArabicShaper}). Nothing is fetched: images and style
 * sheets load only from {@code data:} URIs, fonts only from the jar; every other URI (http, https, file, jar,
 * relative) is refused before it is opened. Thread-safe.
 */
public final class PdfLayout {

    /** The font family the shipped fonts are registered under; templates may name it in CSS. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final Set<ExternalResourceType> DATA_URI_TYPES = EnumSet.of(ExternalResourceType.IMAGE_RASTER,
            ExternalResourceType.CSS);
    private static final List<String> REFUSED_PROTOCOLS = List.of("http", "https", "file", "jar", "ftp", "classpath",
            "mailto", "gopher", "netdoc", "jrt");

    private static final ArabicShaper SHAPER = new ArabicShaper();

    private final byte[] regular;
    private final byte[] bold;

    public PdfLayout() {
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /**
     * The PDF of this HTML.
     *
     * @throws IOException when the layout fails
     */
    public byte[] pdf(String html) throws IOException {
        org.w3c.dom.Document document = W3CDom.convert(Jsoup.parse(html));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        Set<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE);
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true, uses);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true, uses);
        builder.useExternalResourceAccessControl(PdfLayout::allowed,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(PdfLayout::allowed,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> isDataUri(uri) ? uri : null);
        builder.useProtocolsStreamImplementation(new RefusingStreams(), REFUSED_PROTOCOLS.toArray(String[]::new));
        builder.useUnicodeBidiSplitter(JdkBidiSplitter::new);
        builder.useUnicodeBidiReorderer(SHAPER);
        builder.withProducer("Zorah");
        builder.withW3cDocument(document, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    /** Only data URIs, and only for images and style sheets: fonts come from the jar, nothing from anywhere else. */
    static boolean allowed(String uri, ExternalResourceType type) {
        return type != null && DATA_URI_TYPES.contains(type) && isDataUri(uri);
    }

    private static boolean isDataUri(String uri) {
        return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException("The font " + path + " is missing from the application", ex);
        }
    }

    /** The last line of defence: should a URI get past the checks, opening it still fails. */
    private static final class RefusingStreams implements FSStreamFactory {

        private static final FSStream NOTHING = new FSStream() {
            @Override
            public InputStream getStream() {
                return null;
            }

            @Override
            public Reader getReader() {
                return null;
            }
        };

        @Override
        public FSStream getUrl(String url) {
            return NOTHING;
        }
    }
}
