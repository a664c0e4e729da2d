package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoSnifferTests {

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static LogoSniffer.Result sniff(String text) {
        return LogoSniffer.sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognisesPngAndJpegByTheirBytes() throws IOException {
        assertThat(LogoSniffer.sniff(image("png"))).isEqualTo(LogoSniffer.PNG);
        assertThat(LogoSniffer.sniff(image("jpg"))).isEqualTo(LogoSniffer.JPEG);
    }

    @Test
    void rejectsOtherFormatsAndText() throws IOException {
        assertThat(LogoSniffer.sniff(image("gif"))).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(LogoSniffer.sniff(image("bmp"))).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(sniff("just some text pretending to be a png")).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(sniff("<html><body>hi</body></html>")).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(sniff("<?xml version=\"1.0\"?><note/>")).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(LogoSniffer.sniff(new byte[]{(byte) 0x89, 'P', 'N'})).isInstanceOf(LogoSniffer.Unsupported.class);
        assertThat(LogoSniffer.sniff(new byte[]{(byte) 0xc3, (byte) 0x28})).isInstanceOf(
                LogoSniffer.Unsupported.class);
    }

    @Test
    void acceptsAPlainSvg() {
        assertThat(sniff("""
                \uFEFF<?xml version="1.0" encoding="UTF-8"?>
                <!-- logo -->
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
                  <style>.a { fill: url(#g); }</style>
                  <rect class="a" width="10" height="10" fill="url(#g)"/>
                  <use xlink:href="#g"/>
                </svg>
                """)).isEqualTo(LogoSniffer.SVG);
    }

    @Test
    void rejectsSvgThatCouldRunOrLoadAnything() {
        String[] unsafe = {
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><SCRIPT>alert(1)</SCRIPT></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><![CDATA[<script>x</script>]]></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                "<svg xmlns='http://www.w3.org/2000/svg'><rect ONCLICK='x()'/></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
                        + "<image x:href='https://evil.example/a.png'/></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><a href='javascript:alert(1)'><rect/></a></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><image href='data:image/png;base64,AAAA'/></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><div/></foreignObject></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><style>@import url(https://evil.example/x.css);</style>"
                        + "</svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill: url(https://evil.example/p)'/></svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><set attributeName='href' to='javascript:x'/></svg>",
                "<?xml-stylesheet href='https://evil.example/s.css'?><svg xmlns='http://www.w3.org/2000/svg'/>",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg>&x;</svg>",
                "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"};
        for (String svg : unsafe) {
            assertThat(sniff(svg)).as(svg).isInstanceOf(LogoSniffer.UnsafeSvg.class);
        }
    }
}
