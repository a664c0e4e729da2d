package com.zorahai.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.TestTokens;
import com.zorahai.identity.Role;
import com.zorahai.platform.storage.ObjectStorage;
import com.zorahai.tenancy.NewTenant;
import com.zorahai.tenancy.TenantId;
import com.zorahai.tenancy.Tenants;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class BrandingApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    Tenants tenants;

    @Autowired
    ObjectStorage storage;

    static byte[] image(String format, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private String newTenant() {
        String id = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.create(new NewTenant(TenantId.of(id), "Brand Agency", Set.of()));
        return id;
    }

    private MvcTestResult upload(String tenant, Role role, byte[] content, String declaredType) {
        return mvc.post().uri("/api/v1/tenant/branding/logo").header("Authorization", tokens.bearer(tenant, role))
                .multipart().file(new MockMultipartFile("file", "logo.png", declaredType, content)).exchange();
    }

    private MvcTestResult put(String tenant, Role role, String json) {
        return mvc.put().uri("/api/v1/tenant/branding").header("Authorization", tokens.bearer(tenant, role))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void colourOverridesReplaceTheFileValues() {
        assertThat(put("demo-clinic", Role.ADMIN, "{\"primary_color\": \"#1A2B3C\"}")).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.primary_color").isEqualTo("#1a2b3c");
                    assertThat(json).extractingPath("$.secondary_color").isEqualTo("#f2c14e");
                    assertThat(json).extractingPath("$.overrides.primary_color").isEqualTo("#1a2b3c");
                    assertThat(json).extractingPath("$.logo_uploaded").isEqualTo(false);
                });
        assertThat(mvc.get().uri("/api/v1/tenant").header("Authorization", tokens.bearer("demo-clinic",
                Role.AGENT))).bodyJson().extractingPath("$.branding.primary_color").isEqualTo("#1a2b3c");
        assertThat(put("demo-clinic", Role.OWNER, "{}")).hasStatusOk().bodyJson()
                .extractingPath("$.primary_color").isEqualTo("#7a3e9d");
    }

    @Test
    void invalidBrandingAnswers400NamingTheField() {
        String tenant = newTenant();
        assertThat(put(tenant, Role.ADMIN, "{\"primary_color\": \"red\", \"logo_url\": \"http://x.example/l.png\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("primary_color");
                    assertThat(json).extractingPath("$.errors[1].field").isEqualTo("logo_url");
                });
        assertThat(put(tenant, Role.ADMIN, "{\"colour\": \"#000000\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
        assertThat(put(tenant, Role.AGENT, "{\"primary_color\": \"#000000\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put(tenant, Role.ADMIN, "{\"logo_url\": \"https://cdn.example/logo.png\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.logo_url").isEqualTo("https://cdn.example/logo.png");
    }

    @Test
    void pngLogoIsStoredServedAndLinked() throws IOException {
        String tenant = newTenant();
        byte[] png = image("png", 8);
        assertThat(upload(tenant, Role.ADMIN, png, "application/octet-stream")).hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.logo_uploaded").isEqualTo(true);
                    assertThat(json).extractingPath("$.logo_content_type").isEqualTo("image/png");
                    assertThat(json).extractingPath("$.logo_size").isEqualTo(png.length);
                    assertThat(json).extractingPath("$.logo_url").asString()
                            .contains("/public/tenants/" + tenant + "/logo?v=");
                });
        MvcTestResult logo = mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization",
                tokens.bearer(tenant, Role.AGENT)).exchange();
        assertThat(logo).hasStatusOk().hasContentType(MediaType.IMAGE_PNG)
                .headers().hasValue("X-Content-Type-Options", "nosniff");
        assertThat(logo.getResponse().getContentAsByteArray()).isEqualTo(png);
        MvcTestResult publicLogo = mvc.get().uri("/public/tenants/" + tenant + "/logo").exchange();
        assertThat(publicLogo).hasStatusOk();
        assertThat(publicLogo.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(tenants.get(TenantId.of(tenant)).branding().logoUrl()).contains("/public/tenants/" + tenant);
    }

    @Test
    void replacingALogoRemovesTheOldOne() throws Exception {
        String tenant = newTenant();
        byte[] first = image("png", 8);
        assertThat(upload(tenant, Role.OWNER, first, "image/png")).hasStatusOk();
        byte[] jpeg = image("jpg", 8);
        // the declared type is ignored: the bytes say JPEG
        assertThat(upload(tenant, Role.OWNER, jpeg, "image/png")).hasStatusOk()
                .bodyJson().extractingPath("$.logo_content_type").isEqualTo("image/jpeg");
        String oldKey = tenant + "/logo-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(first)).substring(0, 16) + ".png";
        assertThat(storage.get("tenant-assets", oldKey)).isEmpty();
        assertThat(mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization", tokens.bearer(tenant,
                Role.AGENT))).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
    }

    @Test
    void anythingButPngJpegOrSvgIsRefusedWhateverTheHeaderSays() throws IOException {
        String tenant = newTenant();
        for (byte[] content : new byte[][]{image("gif", 8), "not an image at all".getBytes(StandardCharsets.UTF_8)}) {
            assertThat(upload(tenant, Role.ADMIN, content, "image/png"))
                    .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://zorahai.com/problems/unsupported-media-type");
        }
        assertThat(mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void logosAboveTwoMegabytesAreRefused() {
        String tenant = newTenant();
        byte[] big = Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                2 * 1024 * 1024 + 1);
        assertThat(upload(tenant, Role.ADMIN, big, "image/png")).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/payload-too-large");
        assertThat(upload(tenant, Role.ADMIN, new byte[0], "image/png")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void svgLogosMustBeInert() {
        String tenant = newTenant();
        byte[] unsafe = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload(tenant, Role.ADMIN, unsafe, "image/svg+xml")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://zorahai.com/problems/unsafe-svg");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("file");
                });
        byte[] safe = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'><rect width='1' height='1'/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload(tenant, Role.ADMIN, safe, "text/plain")).hasStatusOk()
                .bodyJson().extractingPath("$.logo_content_type").isEqualTo("image/svg+xml");
        assertThat(mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization", tokens.bearer(tenant,
                Role.ADMIN))).hasStatusOk()
                .headers()
                .hasValue("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }

    @Test
    void anotherTenantNeverSeesTheLogo() throws IOException {
        String owner = newTenant();
        String other = newTenant();
        assertThat(upload(owner, Role.ADMIN, image("png", 4), "image/png")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization", tokens.bearer(other,
                Role.OWNER))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://zorahai.com/problems/logo-not-found");
        assertThat(mvc.get().uri("/public/tenants/" + other + "/logo")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/public/tenants/NOT_AN_ID/logo")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(upload(other, Role.AGENT, image("png", 4), "image/png")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void deletingTheLogo() throws IOException {
        String tenant = newTenant();
        assertThat(upload(tenant, Role.ADMIN, image("png", 4), "image/png")).hasStatusOk();
        String bearer = tokens.bearer(tenant, Role.ADMIN);
        assertThat(mvc.delete().uri("/api/v1/tenant/branding/logo").header("Authorization", bearer))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/tenant/branding/logo").header("Authorization", bearer))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/tenant/branding/logo").header("Authorization", bearer))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/tenant/branding").header("Authorization", bearer)).hasStatusOk()
                .bodyJson().extractingPath("$.logo_uploaded").isEqualTo(false);
    }
}
