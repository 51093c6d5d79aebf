package io.govlife.query.channel;

/**
 * Free text an operator typed, made safe for the format it is written into. The log keeps what was typed, so each
 * output escapes at the moment it writes, including text recorded before the edge refused such input.
 */
final class PlainText {

    private PlainText() {
    }

    /**
     * As Markdown that shows the text literally: every ASCII punctuation mark a Markdown reader could act on is
     * backslash-escaped (CommonMark allows it before any of them), and {@code <} and {@code &} become entities, so
     * notes cannot forge a heading, a link, a list or raw HTML in the changelog.
     */
    static String markdown(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '='
                        -> escaped.append('\\').append(c);
                default -> escaped.append(xmlSafe(c) ? c : '\uFFFD');
            }
        }
        return escaped.toString();
    }

    /** Without the characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE, U+FFFF). */
    static String xml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = xmlSafe(c) && (!Character.isSurrogate(c) || pairedSurrogate(text, i));
            if (!ok && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(ok ? c : '\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean xmlSafe(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
