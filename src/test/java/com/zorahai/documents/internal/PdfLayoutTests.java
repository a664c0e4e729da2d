package com.zorahai.documents.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.zorahai.documents.Pdfs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLayoutTests {

    static WireMockServer server;
    private final PdfLayout layout = new PdfLayout();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("body { color: red; }")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void namesInLatinGreekAndCyrillicComeBackFromThePdf() throws IOException {
        byte[] pdf = layout.pdf("<html><body><p>Zoë Ødegård</p><p>Дмитрий</p><p>Σοφία</p>"
                + "<p style=\"font-family: Arial\">Ærøskøbing Ελλάδα Россия</p></body></html>");

        assertThat(Pdfs.text(pdf)).contains("Zoë Ødegård", "Дмитрий", "Σοφία", "Ærøskøbing Ελλάδα Россия");
        assertThat(Pdfs.fonts(pdf, 0)).allMatch(name -> name.contains("DejaVuSans"));
        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
    }

    @Test
    void arabicIsJoinedAndLaidOutRightToLeft() throws IOException {
        byte[] pdf = layout.pdf("<html><body><p>ليلى</p><p>Leila ليلى Haddad</p><p>سلام</p></body></html>");

        // PDFBox reads the joined forms drawn right to left back as the letters in logical order
        assertThat(Pdfs.text(pdf)).contains("ليلى", "Leila ليلى Haddad", "سلام");
    }

    @Test
    void layoutsRunningAtOnceEachGetTheirOwnText() throws Exception {
        List<Callable<String>> renders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "Клиент номер " + i + " Σοφία";
            renders.add(() -> Pdfs.text(layout.pdf("<p><b>" + name + "</b></p>")).strip());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> results = pool.invokeAll(renders);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("Клиент номер " + i + " Σοφία");
            }
        }
    }

    @Test
    void scriptsTheFontLacksAreDrawnAsHashes() throws IOException {
        byte[] pdf = layout.pdf("<p>Name: 中文 שלום</p>");

        assertThat(Pdfs.text(pdf)).contains("Name: ## שלום");
    }

    @Test
    void malformedHtmlStillRenders() throws IOException {
        byte[] pdf = layout.pdf("<p>Unclosed <b>bold <i>both</b> text<table><tr><td>cell<td>next</table>"
                + "<div>a & b < c</p></span>");

        assertThat(Pdfs.text(pdf)).contains("Unclosed", "bold", "cell", "next", "a & b < c");
    }

    @Test
    void dataUriImagesAreDrawn() throws IOException {
        byte[] pdf = layout.pdf("<html><body><img src=\"" + png(0x123456) + "\" style=\"width: 40px\"/></body></html>");

        assertThat(Pdfs.images(pdf, 0)).isEqualTo(1);
    }

    @Test
    void nothingIsFetchedFromOutside(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.css"), "body { color: red; }");
        String base = server.baseUrl();
        String html = """
                <html><head>
                <link rel="stylesheet" href="%1$s/style.css"/>
                <style>
                  @import url("%1$s/import.css");
                  @font-face { font-family: Remote; src: url("%1$s/font.ttf"); }
                  body { background-image: url("%1$s/background.png"); font-family: Remote; }
                </style>
                <link rel="stylesheet" href="%2$s"/>
                </head><body>
                <img src="%1$s/logo.png"/>
                <img src="//localhost:%3$d/relative-scheme.png"/>
                <img src="relative.png"/>
                <object data="%1$s/object.pdf" type="application/pdf"></object>
                <a href="%1$s/link">a link is not fetched</a>
                <p>Still here</p>
                </body></html>
                """.formatted(base, secret.toUri(), server.port());

        byte[] pdf = layout.pdf(html);

        assertThat(Pdfs.text(pdf)).contains("Still here");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void onlyDataUrisForImagesAndStyleSheetsAreAllowed() {
        assertThat(PdfLayout.allowed("data:image/png;base64,AAAA", ExternalResourceType.IMAGE_RASTER)).isTrue();
        assertThat(PdfLayout.allowed("DATA:text/css,body{}", ExternalResourceType.CSS)).isTrue();
        assertThat(PdfLayout.allowed("data:font/ttf;base64,AAAA", ExternalResourceType.FONT)).isFalse();
        assertThat(PdfLayout.allowed("https://example.com/logo.png", ExternalResourceType.IMAGE_RASTER)).isFalse();
        assertThat(PdfLayout.allowed("file:///etc/passwd", ExternalResourceType.CSS)).isFalse();
        assertThat(PdfLayout.allowed("jar:file:/app.jar!/x.png", ExternalResourceType.IMAGE_RASTER)).isFalse();
        assertThat(PdfLayout.allowed(null, ExternalResourceType.CSS)).isFalse();
        assertThat(PdfLayout.allowed("data:image/png;base64,AAAA", null)).isFalse();
    }
}
