package de.akte.core.document;

import de.akte.core.recognition.WordBox;

import java.util.ArrayList;
import java.util.List;

/** Writes word boxes as compact text, one word a line with tab-separated fields, and reads them back. */
final class WordBoxCodec {

    private WordBoxCodec() {
    }

    static String encode(List<WordBox> words) {
        StringBuilder out = new StringBuilder(words.size() * 24);
        for (WordBox w : words) {
            out.append(clean(w.text())).append('\t').append(w.x()).append('\t').append(w.y()).append('\t')
                    .append(w.width()).append('\t').append(w.height()).append('\t').append(w.confidence()).append('\n');
        }
        return out.toString();
    }

    static List<WordBox> decode(String encoded) {
        List<WordBox> words = new ArrayList<>();
        for (String line : encoded.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalStateException("malformed stored word box: " + line);
            }
            words.add(new WordBox(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5])));
        }
        return words;
    }

    // the separators must not occur inside a word; OCR never yields them, but the format must not depend on that
    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
