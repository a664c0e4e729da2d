package com.zorahai.platform.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateEngineException;

class TenantTemplateEngineTests {

    private final TenantTemplateEngine engine = new TenantTemplateEngine();

    @Test
    void rendersTheTemplateTextWithItsVariables() {
        String html = engine.render("<p th:text=\"${name}\">x</p><p th:text=\"${#strings.toUpperCase(name)}\">y</p>",
                Locale.ENGLISH, Map.of("name", "Zoë"));

        assertThat(html).isEqualTo("<p>Zoë</p><p>ZOË</p>");
    }

    @Test
    void aTemplateRenderedAgainUsesTheNewVariablesAndAnEditedTemplateItsNewText() {
        String template = "<p th:text=\"${name}\">x</p>";
        assertThat(engine.render(template, Locale.ENGLISH, Map.of("name", "Ana"))).isEqualTo("<p>Ana</p>");
        assertThat(engine.render(template, Locale.ENGLISH, Map.of("name", "Omar"))).isEqualTo("<p>Omar</p>");
        assertThat(engine.render("<b th:text=\"${name}\">x</b>", Locale.ENGLISH, Map.of("name", "Omar")))
                .isEqualTo("<b>Omar</b>");
        assertThat(engine.render(template, Locale.FRENCH, Map.of("name", "Zoë"))).isEqualTo("<p>Zoë</p>");
    }

    @Test
    void findsExpressionsThatReachBeyondTheVariables() {
        assertThat(TenantTemplateEngine.unsafeExpression("<p th:text=\"${T(java.lang.Runtime).getRuntime()}\">"))
                .contains("T(");
        assertThat(TenantTemplateEngine.unsafeExpression("[[${new java.io.File('/etc/passwd')}]]")).contains("new j");
        assertThat(TenantTemplateEngine.unsafeExpression("<p th:text=\"${@environment.getProperty('x')}\">"))
                .contains("@e");
        assertThat(TenantTemplateEngine.unsafeExpression("<p th:text=\"${#ctx.locale}\">")).contains("#ctx");
        assertThat(TenantTemplateEngine.unsafeExpression("<p th:text=\"*{name.getClass()}\">")).contains(".getClass");
        assertThat(TenantTemplateEngine.unsafeExpression("<p th:text=\"${name.class.name}\">")).contains("class");
    }

    @Test
    void acceptsExpressionsThatOnlyReadVariables() {
        assertThat(TenantTemplateEngine.unsafeExpression(
                "<p class=\"x\" th:text=\"${quote.total}\" th:if=\"${not #lists.isEmpty(quote.lines)}\">"
                        + "<style th:inline=\"css\">a { color: [(${branding.primaryColor})]; }</style>"))
                .isEmpty();
        assertThat(TenantTemplateEngine.unsafeExpression(null)).isEmpty();
    }

    @Test
    void thymeleafItselfRefusesTypeReferences() {
        assertThatThrownBy(() -> engine.render("<p th:text=\"${T(java.lang.Runtime).getRuntime()}\">x</p>",
                Locale.ENGLISH, Map.of())).isInstanceOf(TemplateEngineException.class);
        assertThatThrownBy(() -> engine.render("<p th:text=\"${@environment}\">x</p>", Locale.ENGLISH, Map.of()))
                .isInstanceOf(TemplateEngineException.class);
    }
}
