package com.zorahai.documents.internal;

import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Bidi;

/**
 * Splits a paragraph into runs of one direction with the JDK's own Unicode bidi algorithm ({@link Bidi}), so
 * right-to-left text (Arabic, Hebrew) is laid out right to left without another library. One per paragraph.
 */
final class JdkBidiSplitter implements BidiSplitter {

    private Bidi bidi;
    private int[] visualOrder = new int[0];

    @Override
    public void setParagraph(String paragraph, byte defaultDirection) {
        int flags = switch (defaultDirection) {
            case LTR -> Bidi.DIRECTION_LEFT_TO_RIGHT;
            case RTL -> Bidi.DIRECTION_RIGHT_TO_LEFT;
            default -> Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT;
        };
        bidi = new Bidi(paragraph, flags);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        if (runs > 0) {
            Bidi.reorderVisually(levels, 0, order, 0, runs);
        }
        visualOrder = new int[runs];
        for (int i = 0; i < runs; i++) {
            visualOrder[i] = order[i];
        }
    }

    @Override
    public int countTextRuns() {
        return visualOrder.length;
    }

    @Override
    public BidiTextRun getVisualRun(int runIndex) {
        int run = visualOrder[runIndex];
        int start = bidi.getRunStart(run);
        byte direction = (bidi.getRunLevel(run) & 1) == 1 ? RTL : LTR;
        return new BidiTextRun(start, bidi.getRunLimit(run) - start, direction);
    }

    @Override
    public byte getBaseDirection(String paragraph) {
        for (int i = 0; i < paragraph.length();) {
            int codePoint = paragraph.codePointAt(i);
            byte directionality = Character.getDirectionality(codePoint);
            if (directionality == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return LTR;
            }
            if (directionality == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || directionality == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return RTL;
            }
            i += Character.charCount(codePoint);
        }
        return NEUTRAL;
    }
}
