package com.zorahai.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiTextRun;
import org.junit.jupiter.api.Test;

class ArabicShaperTests {

    private final ArabicShaper shaper = new ArabicShaper();

    @Test
    void lettersTakeTheirInitialMedialAndFinalForms() {
        // ليلى: lam (initial), yeh (medial), lam (medial), alef maksura (final)
        assertThat(shaper.shapeText("ليلى")).isEqualTo("\uFEDF\uFEF4\uFEE0\uFEF0");
        // a letter alone keeps its isolated form
        assertThat(shaper.shapeText("ب")).isEqualTo("\uFE8F");
    }

    @Test
    void lettersThatJoinOnlyBackwardsBreakTheWord() {
        // دار: dal (isolated: nothing before it), alef (final after dal? dal does not join forward: isolated), reh
        assertThat(shaper.shapeText("دار")).isEqualTo("\uFEA9\uFE8D\uFEAD");
        // بد: beh joins the dal after it (initial), dal joins back (final)
        assertThat(shaper.shapeText("بد")).isEqualTo("\uFE91\uFEAA");
    }

    @Test
    void lamAndAlefBecomeOneLigature() {
        assertThat(shaper.shapeText("لا")).isEqualTo("\uFEFB");
        // سلام: seen (initial), lam-alef (final, joined to seen), meem (isolated: alef does not join forward)
        assertThat(shaper.shapeText("سلام")).isEqualTo("\uFEB3\uFEFC\uFEE1");
    }

    @Test
    void marksDoNotBreakJoins() {
        // بَب: beh with fatha, then beh
        assertThat(shaper.shapeText("بَب")).isEqualTo("\uFE91\u064E\uFE90");
    }

    @Test
    void otherTextIsLeftAlone() {
        assertThat(shaper.shapeText("Zoë 123")).isEqualTo("Zoë 123");
        assertThat(shaper.deshapeText("\uFEDF\uFEF4\uFEE0\uFEF0 x")).isEqualTo("ليلى x");
        assertThat(shaper.deshapeText("\uFEFB")).isEqualTo("لا");
    }

    @Test
    void reversingMirrorsBrackets() {
        assertThat(shaper.reorderRTLTextToLTR("(ab]")).isEqualTo("[ba)");
        assertThat(shaper.isLiveImplementation()).isTrue();
    }

    @Test
    void theSplitterFindsRunsInVisualOrder() {
        JdkBidiSplitter splitter = new JdkBidiSplitter();
        String text = "Leila ليلى Smith";
        splitter.setParagraph(text, BidiSplitter.LTR);

        assertThat(splitter.countTextRuns()).isEqualTo(3);
        BidiTextRun arabic = splitter.getVisualRun(1);
        assertThat(arabic.getDirection()).isEqualTo(BidiSplitter.RTL);
        assertThat(text.substring(arabic.getStart(), arabic.getStart() + arabic.getLength())).isEqualTo("ليلى");
        assertThat(splitter.getBaseDirection(text)).isEqualTo(BidiSplitter.LTR);
        assertThat(splitter.getBaseDirection("ليلى Smith")).isEqualTo(BidiSplitter.RTL);
        assertThat(splitter.getBaseDirection("123 ...")).isEqualTo(BidiSplitter.NEUTRAL);

        splitter.setParagraph("ليلى (Leila)", BidiSplitter.RTL);
        assertThat(splitter.getVisualRun(0).getDirection()).isEqualTo(BidiSplitter.RTL);
    }
}
