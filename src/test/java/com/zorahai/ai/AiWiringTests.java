package com.zorahai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.zorahai.IntegrationTest;
import com.zorahai.ai.openai.OpenAiExtractor;
import com.zorahai.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** Without {@code OPENAI_API_KEY} the application has no OpenAI client and extraction runs on the rules. */
@IntegrationTest
class AiWiringTests {

    @Autowired
    TravelRequestExtractor extractor;

    @Autowired
    ObjectProvider<OpenAiExtractor> openAi;

    @Test
    void withoutAKeyTheRulesAnswer() {
        TravelRequestExtraction x = extractor.extract(new TenantId("ai-wiring-test"), OpenAiStub.zanzibarEmail());

        assertThat(openAi.getIfAvailable()).isNull();
        assertThat(x.engine()).isEqualTo("rules");
        assertThat(x.destinations()).extracting(Field::value).containsExactly("Zanzibar");
    }
}
