package com.zorahai.email.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.platform.RunningServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inbound Parse posts through the real servlet container, whose multipart limits MockMvc does not apply.
 */
@RunningServerTest
class InboundParseOnTheWireTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRawMessageLargerThanTheContainersFormLimitIsAccepted() throws Exception {
        // Tomcat counts form fields (the raw "email" field is one) against max-http-form-post-size, 2 MB by default
        String recipient = "nobody-" + UUID.randomUUID() + "@inbound.example";
        char[] filler = new char[3 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        String mime = "Message-ID: <big@x>\r\nTo: " + recipient + "\r\nSubject: big\r\n\r\n" + new String(filler);

        HttpResponse<String> response = post(body("envelope", "{\"to\":[\"" + recipient + "\"]}", "email", mime));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"dropped\":true");
    }

    @Test
    void aPostOverTheMultipartLimitIsA413Problem() throws Exception {
        // a client sends the headers and the start of a 33 MB body; the container refuses it from its length
        // and answers before the rest arrives
        String head = "--xYzZY\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"scan.tif\"\r\n"
                + "Content-Type: image/tiff\r\n\r\n";
        long length = head.length() + 33L * 1024 * 1024 + "\r\n--xYzZY--\r\n".length();
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/email/inbound HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=xYzZY\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n" + head).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            answer = read(socket.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("payload-too-large");
    }

    /** Reads the answer until the server closes the connection or stops sending. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("\r\n0\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException | SocketException ex) {
            // the server stopped reading the body and closed; what arrived is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/email/inbound"))
                .header("Content-Type", "multipart/form-data; boundary=xYzZY")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] body(String field, String value, String name, Object content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--xYzZY\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n");
        if (content instanceof byte[] bytes) {
            write(out, "--xYzZY\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"scan.tif\"\r\n"
                    + "Content-Type: image/tiff\r\n\r\n");
            out.writeBytes(bytes);
            write(out, "\r\n");
        } else {
            write(out, "--xYzZY\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + content
                    + "\r\n");
        }
        write(out, "--xYzZY--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
