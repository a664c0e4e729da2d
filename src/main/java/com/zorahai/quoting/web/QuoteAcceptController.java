package com.zorahai.quoting.web;

import com.zorahai.platform.ProblemException;
import com.zorahai.quoting.internal.Quote;
import com.zorahai.quoting.internal.QuoteRecords;
import com.zorahai.quoting.web.QuoteJson.AcceptRequest;
import com.zorahai.quoting.web.QuoteJson.AcceptedResponse;
import com.zorahai.quoting.web.QuoteJson.PublicQuote;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The customer's side of a quote: the accept link from the email shows the quote that was sent and accepts it. No
 * sign-in: the single-use token in the link is the authorisation. Browsers get an HTML page with a form, other
 * clients JSON. The client address recorded is the request's remote address, which honours
 * {@code X-Forwarded-For} from trusted proxies ({@code server.forward-headers-strategy}).
 */
@RestController
class QuoteAcceptController {

    static final String ACCEPT = "/public/quotes/accept";
    private static final String PAGE = "quoting/accept";

    private final QuoteRecords records;
    private final ITemplateEngine templates;

    QuoteAcceptController(QuoteRecords records, ITemplateEngine templates) {
        this.records = records;
        this.templates = templates;
    }

    @GetMapping(path = ACCEPT, produces = MediaType.APPLICATION_JSON_VALUE)
    PublicQuote view(@RequestParam(required = false) String token) {
        return PublicQuote.of(records.acceptView(token));
    }

    @PostMapping(path = ACCEPT, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    AcceptedResponse accept(@RequestBody AcceptRequest request, HttpServletRequest http) {
        Quote quote = records.accept(new QuoteRecords.Acceptance(request.token(), request.name(), request.email(),
                http.getRemoteAddr()));
        return AcceptedResponse.of(quote);
    }

    @GetMapping(path = ACCEPT, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        try {
            QuoteRecords.AcceptView view = records.acceptView(token);
            model.put("view", view);
            model.put("quote", PublicQuote.of(view));
            return html(HttpStatus.OK, model, view.locale());
        } catch (ProblemException problem) {
            return problemPage(problem, model);
        }
    }

    @PostMapping(path = ACCEPT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acceptForm(@RequestParam(required = false) String token,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email,
            HttpServletRequest http) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        try {
            Quote quote = records.accept(new QuoteRecords.Acceptance(token, name, email, http.getRemoteAddr()));
            model.put("accepted", AcceptedResponse.of(quote));
            return html(HttpStatus.OK, model, null);
        } catch (ProblemException problem) {
            return problemPage(problem, model);
        }
    }

    private ResponseEntity<String> problemPage(ProblemException problem, Map<String, Object> model) {
        model.put("problem", problem);
        return html(problem.status(), model, null);
    }

    private ResponseEntity<String> html(HttpStatus status, Map<String, Object> model, java.util.Locale locale) {
        String body = templates.process(PAGE, new Context(locale == null ? java.util.Locale.ENGLISH : locale,
                model));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }
}
