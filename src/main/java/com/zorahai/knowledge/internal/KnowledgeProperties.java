package com.zorahai.knowledge.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Knowledge settings ({@code zorah.knowledge.*}).
 *
 * @param indexDir where each tenant's Lucene index lives ({@code <dir>/<tenant>})
 * @param chunkSize the longest chunk in characters
 * @param chunkOverlap how many characters of a chunk's end the next chunk repeats
 * @param maxUploadSize the largest document accepted
 * @param maxPageSize the largest page of a list
 * @param syncInterval how often an instance checks whether another instance changed a tenant's knowledge
 * @param seed loading of the shipped files under {@code clients/<tenant>/knowledge/}
 * @param snapshots where index snapshots go
 */
@ConfigurationProperties("zorah.knowledge")
@Validated
record KnowledgeProperties(@DefaultValue("./var/index") @NotNull Path indexDir,
        @DefaultValue("1200") @Min(100) @Max(20000) int chunkSize, @DefaultValue("200") @Min(0) int chunkOverlap,
        @DefaultValue("20MB") @NotNull DataSize maxUploadSize, @DefaultValue("100") @Min(1) int maxPageSize,
        @DefaultValue("60s") @NotNull Duration syncInterval, @DefaultValue @Valid @NotNull Seed seed,
        @DefaultValue @Valid @NotNull Snapshots snapshots) {

    /**
     * @param enabled load the shipped files of each tenant on the first start
     * @param clientsDir the tenant folders
     */
    record Seed(@DefaultValue("true") boolean enabled, @DefaultValue("./clients") @NotNull Path clientsDir) {
    }

    /**
     * @param bucket {@code FAISS_BUCKET_NAME}: the Cloud Storage bucket; blank keeps snapshots in {@code localDir}
     * @param prefix {@code FAISS_INDEX_PREFIX}: the folder inside the bucket (or the local folder)
     * @param localDir where snapshots go without a bucket
     * @param delay how long after a change the snapshot is written (changes in between share one snapshot)
     */
    record Snapshots(@DefaultValue("") String bucket, @DefaultValue("knowledge") String prefix,
            @DefaultValue("./var/index/.snapshots") @NotNull Path localDir,
            @DefaultValue("30s") @NotNull Duration delay) {
    }
}
