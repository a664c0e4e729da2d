package com.zorahai.documents.internal;

import com.openhtmltopdf.bidi.BidiReorderer;
import java.text.Normalizer;

/**
 * Right-to-left text for the PDF layout: reverses a right-to-left run for drawing (mirroring brackets), and joins
 * Arabic letters the way they are written, by replacing each letter with its isolated, initial, medial or final
 * presentation form (Unicode Arabic Presentation Forms-B, which DejaVu Sans covers), lam and alef becoming their
 * ligature. Covers the letters of Arabic itself (U+0621 to U+064A); letters of other languages written in Arabic
 * script (Persian, Urdu) stay unjoined. Stateless.
 */
final class ArabicShaper implements BidiReorderer {

    private static final int FIRST = 0x0621;
    private static final int LAST = 0x064A;
    private static final int TATWEEL = 0x0640;
    private static final int LAM = 0x0644;

    // per letter from U+0621: the isolated presentation form (final, initial, medial follow it), 0 for none
    private static final int[] FORMS = new int[LAST - FIRST + 1];
    // per letter from U+0621: 'U' joins nothing, 'R' joins only the letter before it, 'D' joins on both sides
    private static final char[] JOINING = new char[LAST - FIRST + 1];

    static {
        int[][] table = {
                {0x0621, 0xFE80, 'U'}, {0x0622, 0xFE81, 'R'}, {0x0623, 0xFE83, 'R'}, {0x0624, 0xFE85, 'R'},
                {0x0625, 0xFE87, 'R'}, {0x0626, 0xFE89, 'D'}, {0x0627, 0xFE8D, 'R'}, {0x0628, 0xFE8F, 'D'},
                {0x0629, 0xFE93, 'R'}, {0x062A, 0xFE95, 'D'}, {0x062B, 0xFE99, 'D'}, {0x062C, 0xFE9D, 'D'},
                {0x062D, 0xFEA1, 'D'}, {0x062E, 0xFEA5, 'D'}, {0x062F, 0xFEA9, 'R'}, {0x0630, 0xFEAB, 'R'},
                {0x0631, 0xFEAD, 'R'}, {0x0632, 0xFEAF, 'R'}, {0x0633, 0xFEB1, 'D'}, {0x0634, 0xFEB5, 'D'},
                {0x0635, 0xFEB9, 'D'}, {0x0636, 0xFEBD, 'D'}, {0x0637, 0xFEC1, 'D'}, {0x0638, 0xFEC5, 'D'},
                {0x0639, 0xFEC9, 'D'}, {0x063A, 0xFECD, 'D'}, {0x0641, 0xFED1, 'D'}, {0x0642, 0xFED5, 'D'},
                {0x0643, 0xFED9, 'D'}, {0x0644, 0xFEDD, 'D'}, {0x0645, 0xFEE1, 'D'}, {0x0646, 0xFEE5, 'D'},
                {0x0647, 0xFEE9, 'D'}, {0x0648, 0xFEED, 'R'}, {0x0649, 0xFEEF, 'R'}, {0x064A, 0xFEF1, 'D'}};
        for (int[] row : table) {
            FORMS[row[0] - FIRST] = row[1];
            JOINING[row[0] - FIRST] = (char) row[2];
        }
    }

    private static final String MIRRORED = "()[]{}<>«»‹›";

    @Override
    public String reorderRTLTextToLTR(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = text.length(); i > 0;) {
            int codePoint = text.codePointBefore(i);
            i -= Character.charCount(codePoint);
            int at = codePoint < 0x10000 ? MIRRORED.indexOf(codePoint) : -1;
            out.appendCodePoint(at < 0 ? codePoint : MIRRORED.charAt(at ^ 1));
        }
        return out.toString();
    }

    @Override
    public String shapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char type = joining(c);
            if (type == 0 || FORMS[c - FIRST] == 0) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = type != 'U' && joinsForward(previousLetter(text, i));
            int next = nextLetter(text, i);
            if (c == LAM && next >= 0 && isAlef(text.charAt(next)) && next == i + 1) {
                out.append((char) (lamAlef(text.charAt(next)) + (joinsBefore ? 1 : 0)));
                i = next;
                continue;
            }
            boolean joinsAfter = type == 'D' && next >= 0 && joinsBackward(text.charAt(next));
            int form = joinsBefore ? (joinsAfter ? 3 : 1) : (joinsAfter ? 2 : 0);
            out.append((char) (FORMS[c - FIRST] + form));
        }
        return out.toString();
    }

    @Override
    public String deshapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xFE70 && c <= 0xFEFC) {
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    private static char joining(char c) {
        if (c == TATWEEL) {
            return 'C';
        }
        return c >= FIRST && c <= LAST ? JOINING[c - FIRST] : 0;
    }

    /** Marks (harakat) sit on a letter without breaking its joins. */
    private static boolean isTransparent(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static int previousLetter(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (!isTransparent(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }

    private static int nextLetter(String text, int from) {
        for (int i = from + 1; i < text.length(); i++) {
            if (!isTransparent(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this character joins the letter after it. */
    private static boolean joinsForward(int c) {
        if (c < 0) {
            return false;
        }
        char type = joining((char) c);
        return type == 'D' || type == 'C';
    }

    /** Whether this character joins the letter before it. */
    private static boolean joinsBackward(char c) {
        char type = joining(c);
        return type == 'D' || type == 'R' || type == 'C';
    }

    private static boolean isAlef(char c) {
        return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627;
    }

    /** The isolated lam-alef ligature for this alef; the final form follows it. */
    private static int lamAlef(char alef) {
        return switch (alef) {
            case 0x0622 -> 0xFEF5;
            case 0x0623 -> 0xFEF7;
            case 0x0625 -> 0xFEF9;
            default -> 0xFEFB;
        };
    }
}
