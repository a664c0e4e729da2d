package com.zorahai.documents.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Document settings ({@code zorah.documents.*}).
 *
 * @param maxTemplateSize the largest template source a preview accepts
 * @param maxHtmlSize the largest HTML a template may produce before it is laid out as PDF; larger answers 422
 * @param maxConcurrentRenders how many PDFs are laid out at once; more wait for a free slot
 * @param renderWait how long a render waits for a free slot before answering 503
 */
@Validated
@ConfigurationProperties("zorah.documents")
public record DocumentsProperties(@DefaultValue("256KB") @NotNull DataSize maxTemplateSize,
        @DefaultValue("4MB") @NotNull DataSize maxHtmlSize,
        @DefaultValue("4") @Min(1) @Max(64) int maxConcurrentRenders,
        @DefaultValue("20s") @NotNull Duration renderWait) {
}
