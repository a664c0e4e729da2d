package com.zorahai.knowledge.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * One tenant's Lucene index in its own folder: one writer, near-real-time searchers, and the commit metadata
 * (generation, embeddings model and dimensions). Changes are serialised; searches run concurrently with them; a
 * restore or rebuild waits for running searches and swaps the folder.
 */
final class TenantIndex implements Closeable {

    static final String GENERATION = "generation";
    static final String EMBEDDING_MODEL = "embedding_model";
    static final String DIMENSIONS = "dimensions";

    private final Path dir;
    private final Analyzer analyzer;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Directory directory;
    private IndexWriter writer;
    private SnapshotDeletionPolicy snapshots;
    private SearcherManager searchers;

    interface IndexChange {
        void apply(IndexWriter writer) throws IOException;
    }

    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    TenantIndex(Path dir, Analyzer analyzer) throws IOException {
        this.dir = dir;
        this.analyzer = analyzer;
        open(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** Whether {@code dir} holds no committed index yet. */
    static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Directory d = FSDirectory.open(dir)) {
            return !DirectoryReader.indexExists(d);
        }
    }

    private void open(IndexWriterConfig.OpenMode mode) throws IOException {
        Files.createDirectories(dir);
        directory = FSDirectory.open(dir);
        snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(mode).setIndexDeletionPolicy(
                snapshots).setRAMBufferSizeMB(32).setCodec(VectorCodec.codec());
        writer = new IndexWriter(directory, config);
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        searchers = new SearcherManager(writer, null);
    }

    Map<String, String> metadata() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    long generation() {
        lock.readLock().lock();
        try {
            return Long.parseLong(metadata().getOrDefault(GENERATION, "0"));
        } finally {
            lock.readLock().unlock();
        }
    }

    String metadata(String key) {
        lock.readLock().lock();
        try {
            return metadata().get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies a change and commits it with the given metadata merged in; searchers see it on return. */
    synchronized void change(IndexChange change, Map<String, String> metadata) throws IOException {
        lock.readLock().lock();
        try {
            change.apply(writer);
            Map<String, String> data = metadata();
            long before = Long.parseLong(data.getOrDefault(GENERATION, "0"));
            data.putAll(metadata);
            // changes may be applied out of order: the generation only goes up
            long after = Long.parseLong(data.getOrDefault(GENERATION, "0"));
            data.put(GENERATION, Long.toString(Math.max(before, after)));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Throws everything away and writes a new index (new field definitions, e.g. other vector dimensions). */
    synchronized void rebuild(IndexChange change, Map<String, String> metadata) throws IOException {
        lock.writeLock().lock();
        try {
            closeQuietly();
            deleteFiles(dir);
            open(IndexWriterConfig.OpenMode.CREATE);
            change.apply(writer);
            writer.setLiveCommitData(Map.copyOf(metadata).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } finally {
            lock.writeLock().unlock();
        }
    }

    <T> T search(SearchWork<T> work) throws IOException {
        lock.readLock().lock();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes the last commit as a zip to {@code zip}; returns that commit's metadata. */
    synchronized Map<String, String> snapshot(Path zip) throws IOException {
        lock.readLock().lock();
        try {
            IndexCommit commit = snapshots.snapshot();
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                for (String name : commit.getFileNames()) {
                    out.putNextEntry(new ZipEntry(name));
                    try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                        byte[] buffer = new byte[65536];
                        long left = in.length();
                        while (left > 0) {
                            int n = (int) Math.min(buffer.length, left);
                            in.readBytes(buffer, 0, n);
                            out.write(buffer, 0, n);
                            left -= n;
                        }
                    }
                    out.closeEntry();
                }
                return Map.copyOf(commit.getUserData());
            } finally {
                snapshots.release(commit);
                writer.deleteUnusedFiles();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces the whole index with the one in {@code zip}; waits for running searches. */
    synchronized void restore(Path zip) throws IOException {
        lock.writeLock().lock();
        try {
            closeQuietly();
            deleteFiles(dir);
            unzip(zip, dir);
            open(IndexWriterConfig.OpenMode.APPEND);
        } finally {
            lock.writeLock().unlock();
        }
    }

    static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.getParent().equals(target.normalize()) || entry.isDirectory()) {
                    throw new IOException("unexpected entry in an index snapshot");
                }
                Files.copy(in, out);
            }
        }
    }

    private static void deleteFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void closeQuietly() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        lock.writeLock().lock();
        try {
            closeQuietly();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
