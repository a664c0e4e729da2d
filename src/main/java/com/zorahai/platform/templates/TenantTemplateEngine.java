package com.zorahai.platform.templates;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders templates that tenants write (emails, documents). The engine is our own, not the application's: it
 * renders the text it is given and never loads a file by name, knows no application context (so {@code @bean}
 * references resolve to nothing), and keeps Thymeleaf's own restrictions on types reachable from expressions.
 * {@link #unsafeExpression(String)} finds expressions that reach beyond the template's variables; templates are
 * checked with it when saved and again before they are rendered.
 */
public final class TenantTemplateEngine {

    // SpEL reaching beyond the model: type references, constructors, bean references, context objects
    private static final Pattern UNSAFE_EXPRESSION = Pattern.compile(
            "\\bT\\s*\\(|\\bnew\\s+[A-Za-z_]|@[A-Za-z_]|#(ctx|root|this|request|response|session|servletContext"
                    + "|execInfo|vars|context)\\b|\\.getClass\\b|\\bclass\\b");
    private static final String[] EXPRESSION_STARTS = {"${", "*{", "#{", "@{", "~{"};

    private final SpringTemplateEngine engine;

    public TenantTemplateEngine() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        // parsed templates are kept, keyed by their text (an edited template is a new key); Thymeleaf's cache
        // manager bounds them to its 200 most recent, so rendering the same email again skips the parse
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        this.engine.setTemplateResolver(resolver);
    }

    /**
     * The template rendered with these variables.
     *
     * @throws TemplateEngineException when the template cannot be parsed or an expression fails
     */
    public String render(String source, Locale locale, Map<String, Object> variables) {
        StringWriter out = new StringWriter();
        render(source, locale, variables, out);
        return out.toString();
    }

    /**
     * Renders the template into {@code out}; a writer that refuses to grow past a limit bounds the output.
     *
     * @throws TemplateEngineException when the template cannot be parsed or an expression fails
     */
    public void render(String source, Locale locale, Map<String, Object> variables, Writer out) {
        engine.process(source, new Context(locale, variables), out);
    }

    /**
     * The first part of an expression in {@code content} that reaches beyond the template's variables (a type
     * reference, a constructor, a bean reference, a context object, {@code getClass}), if any.
     */
    public static Optional<String> unsafeExpression(String content) {
        if (content == null) {
            return Optional.empty();
        }
        for (String marker : EXPRESSION_STARTS) {
            int start = content.indexOf(marker);
            while (start >= 0) {
                String expression = expressionAt(content, start + 2);
                Matcher unsafe = UNSAFE_EXPRESSION.matcher(expression);
                if (unsafe.find()) {
                    return Optional.of(unsafe.group().trim());
                }
                start = content.indexOf(marker, start + 2);
            }
        }
        return Optional.empty();
    }

    /** The text of the expression starting at {@code from}, up to its matching closing brace. */
    private static String expressionAt(String content, int from) {
        int depth = 1;
        for (int i = from; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return content.substring(from, i);
            }
        }
        return content.substring(from);
    }
}
