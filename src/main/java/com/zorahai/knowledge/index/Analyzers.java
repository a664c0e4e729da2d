package com.zorahai.knowledge.index;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysers of the index fields. Every text goes into a language-neutral field (lower case, accents folded,
 * Arabic letters normalised) and into the field of its own language, stemmed with that language's stop words:
 * {@code title_en}, {@code body_fr}, {@code body_ar}...
 */
final class Analyzers {

    static final String TITLE = "title";
    static final String HEADING = "heading";
    static final String BODY = "body";

    /** English stop words: Lucene's short list plus the pronouns and auxiliaries that fill customer questions. */
    static final CharArraySet ENGLISH_STOP_WORDS;
    /** Every language's stop words, for the language-neutral fields. */
    static final CharArraySet ALL_STOP_WORDS;

    static {
        CharArraySet english = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        english.addAll(List.of("i", "im", "i'm", "me", "my", "you", "your", "we", "our", "us", "can", "could",
                "do", "does", "did", "have", "has", "had", "what", "which", "how", "when", "where", "who", "why",
                "would", "should", "am", "get", "there", "any", "about", "from", "need", "want", "please", "hi",
                "hello", "still", "so", "much", "many", "its", "it's", "also", "after", "before", "much"));
        ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(english);
        CharArraySet all = new CharArraySet(english, true);
        all.addAll(FrenchAnalyzer.getDefaultStopSet());
        all.addAll(ArabicAnalyzer.getDefaultStopSet());
        ALL_STOP_WORDS = CharArraySet.unmodifiableSet(all);
    }

    private Analyzers() {
    }

    static Analyzer neutral() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, ALL_STOP_WORDS);
                stream = new ArabicNormalizationFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    static Analyzer of(String language) {
        return switch (language) {
            case "fr" -> new FrenchAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            default -> new EnglishAnalyzer(ENGLISH_STOP_WORDS);
        };
    }

    static Analyzer perField() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String language : Languages.SUPPORTED) {
            Analyzer analyzer = of(language);
            fields.put(TITLE + "_" + language, analyzer);
            fields.put(BODY + "_" + language, analyzer);
        }
        return new PerFieldAnalyzerWrapper(neutral(), fields);
    }

    /** The distinct terms {@code analyzer} makes of {@code text} in {@code field}. */
    static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }
}
