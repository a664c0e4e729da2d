package com.zorahai.email.inbound;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of inbound email ({@code zorah.email.inbound.*}).
 *
 * @param maxMessageSize a larger post is answered 413 and not stored (SendGrid posts up to 30 MB)
 * @param maxAttachmentSize a larger attachment is not kept; the message is, with the attachment noted as skipped
 * @param bucket the object-storage bucket for attachments
 */
@ConfigurationProperties("zorah.email.inbound")
@Validated
public record InboundProperties(@DefaultValue("30MB") @NotNull DataSize maxMessageSize,
        @DefaultValue("10MB") @NotNull DataSize maxAttachmentSize,
        @DefaultValue("inbound-email") @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}") String bucket) {

    /** A size as people write it: {@code 30MB}, {@code 64KB}, {@code 1000B}. */
    public static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
    }
}
