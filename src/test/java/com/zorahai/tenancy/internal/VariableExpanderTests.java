package com.zorahai.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableExpanderTests {

    private final Map<String, String> env = Map.of("HOST", "mail.example.com", "EMPTY", "", "PORT", "25");
    private final VariableExpander expander = new VariableExpander(env::get);
    private final List<ConfigError> errors = new ArrayList<>();

    @Test
    void requiredVariableIsReplaced() {
        assertThat(expander.expand("smtp://${HOST}:${PORT}", "url", errors)).isEqualTo("smtp://mail.example.com:25");
        assertThat(errors).isEmpty();
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertThat(expander.expand("${MISSING:-fallback}", "f", errors)).isEqualTo("fallback");
        assertThat(expander.expand("${EMPTY:-fallback}", "f", errors)).isEqualTo("fallback");
        assertThat(expander.expand("${HOST:-fallback}", "f", errors)).isEqualTo("mail.example.com");
        assertThat(expander.expand("${MISSING:-}", "f", errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void defaultsMayReferenceFurtherVariables() {
        assertThat(expander.expand("${MISSING:-${HOST}}", "f", errors)).isEqualTo("mail.example.com");
        assertThat(expander.expand("${MISSING:-${OTHER:-x}-y}", "f", errors)).isEqualTo("x-y");
        // an unused default is not evaluated, so its missing variable is no error
        assertThat(expander.expand("${HOST:-${NOT_SET}}", "f", errors)).isEqualTo("mail.example.com");
        assertThat(errors).isEmpty();
    }

    @Test
    void missingRequiredVariableNamesFieldAndVariable() {
        expander.expand("${SENDGRID_FROM}", "email.from_address", errors);
        assertThat(errors).containsExactly(new ConfigError("email.from_address",
                "missing required variable SENDGRID_FROM"));
    }

    @Test
    void missingVariableInsideAUsedDefaultIsAnError() {
        expander.expand("${MISSING:-${ALSO_MISSING}}", "f", errors);
        assertThat(errors).extracting(ConfigError::reason).containsExactly("missing required variable ALSO_MISSING");
    }

    @Test
    void malformedReferencesAreErrors() {
        expander.expand("${}", "a", errors);
        expander.expand("${HOST", "b", errors);
        expander.expand("${MISSING:-open", "c", errors);
        expander.expand("${1X}", "d", errors);
        assertThat(errors).extracting(ConfigError::field).containsExactly("a", "b", "c", "d");
    }

    @Test
    void escapedReferenceStaysLiteral() {
        assertThat(expander.expand("price $${HOST} and $5", "f", errors)).isEqualTo("price ${HOST} and $5");
        assertThat(errors).isEmpty();
    }

    @Test
    void nestedTreesAreExpandedWithTheirPaths() {
        Object tree = expander.expandTree(Map.of("email", Map.of("host", "${HOST}", "key", "${NOPE}"), "list",
                List.of("a", "${NOPE_EITHER}")), "", errors);
        assertThat(tree).isEqualTo(Map.of("email", Map.of("host", "mail.example.com", "key", ""), "list",
                List.of("a", "")));
        assertThat(errors).extracting(ConfigError::field).containsExactlyInAnyOrder("email.key", "list[1]");
    }
}
