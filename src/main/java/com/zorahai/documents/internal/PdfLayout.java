package com.zorahai.documents.internal;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontGroup;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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

    // parsed fonts, each pair used by one layout at a time (parsing them costs more than the rest of a small PDF)
    private final BlockingQueue<Fonts> idle;
    private final byte[] regular;
    private final byte[] bold;

    /** A layout that keeps up to {@code pooledFonts} parsed copies of the fonts between layouts. */
    public PdfLayout(int pooledFonts) {
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
        this.idle = new ArrayBlockingQueue<>(pooledFonts);
    }

    public PdfLayout() {
        this(2);
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
        Fonts fonts = idle.poll();
        if (fonts == null) {
            fonts = new Fonts(parse(regular), parse(bold));
        }
        boolean done = false;
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            PDDocument pdf = renderer.getPdfDocument();
            register(renderer.getFontResolver(), new EmbeddedFont(pdf, fonts.regular()), 400);
            register(renderer.getFontResolver(), new EmbeddedFont(pdf, fonts.bold()), 700);
            renderer.createPDF();
            done = true;
        } finally {
            // a pair whose layout failed is dropped rather than trusted again
            if (done) {
                idle.offer(fonts);
            }
        }
        return out.toByteArray();
    }

    /** The font as the document's own family and as the stand-in for any family the CSS names. */
    private static void register(PdfBoxFontResolver resolver, EmbeddedFont font, int weight) {
        resolver.addFont(font, FONT_FAMILY, weight, IdentValue.NORMAL, true, FontGroup.MAIN);
        resolver.addFont(font, FONT_FAMILY, weight, IdentValue.NORMAL, true, FontGroup.PRE_BUILT_IN_FALLBACK);
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** Embeds a parsed font into one document, subset to the glyphs used, when the layout first needs it. */
    private static final class EmbeddedFont extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont embedded;

        EmbeddedFont(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (embedded == null) {
                try {
                    embedded = PDType0Font.load(document, font, true);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            return embedded;
        }
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
