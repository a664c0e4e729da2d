package com.zorahai.knowledge.index;

import java.io.IOException;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The default codec with the vector length limit raised from Lucene's 1,024 to {@value #MAX_DIMENSIONS}, so
 * OpenAI's 1,536-dimension embeddings index as they are. The files are written by the standard HNSW format under its
 * own name, so any Lucene 10 reads them without this class.
 */
final class VectorCodec {

    static final int MAX_DIMENSIONS = 4096;

    private VectorCodec() {
    }

    static Codec codec() {
        return new Lucene104Codec() {

            private final KnnVectorsFormat vectors = new HighDimensions(super.getKnnVectorsFormatForField(
                    KnowledgeIndex.VECTOR));

            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    private static final class HighDimensions extends KnnVectorsFormat {

        private final KnnVectorsFormat delegate;

        HighDimensions(KnnVectorsFormat delegate) {
            super(delegate.getName());
            this.delegate = delegate;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return delegate.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return delegate.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return MAX_DIMENSIONS;
        }

        @Override
        public String toString() {
            return "HighDimensions(" + delegate + ")";
        }
    }
}
