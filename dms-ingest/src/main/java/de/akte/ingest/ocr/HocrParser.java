package de.akte.ingest.ocr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the first page of Tesseract's hOCR (XHTML) into a {@link RecognizedPage}.
 *
 * <p>Thread-safe and stateless: every call gets its own XML parser.
 */
public final class HocrParser {

    // Tesseract marks lines by their role in the layout; for the text they are all lines
    private static final Set<String> LINE_CLASSES = Set.of("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat");

    /**
     * Parses hOCR.
     *
     * @throws IllegalArgumentException when it is not well-formed XML or has no {@code ocr_page} with a bbox
     */
    public RecognizedPage parse(String hocr) {
        Element page = findFirst(parseXml(hocr).getDocumentElement(), "ocr_page");
        if (page == null) {
            throw new IllegalArgumentException("The hOCR has no ocr_page");
        }
        int[] pageBox = bbox(page.getAttribute("title"));
        if (pageBox == null) {
            throw new IllegalArgumentException("The hOCR page has no bbox");
        }
        List<RecognizedWord> words = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int[] votes = new int[4];
        collect(page, words, lines, null, 0, votes);
        return new RecognizedPage(pageBox[2] - pageBox[0], pageBox[3] - pageBox[1], String.join("\n", lines), words,
                orientation(votes));
    }

    // Tesseract turns a sideways page itself (psm 1) and marks each line with the angle its text runs at;
    // the angle most words share is how far the image must be turned clockwise to be upright
    private static int orientation(int[] votes) {
        int best = 0;
        for (int i = 1; i < votes.length; i++) {
            if (votes[i] > votes[best]) {
                best = i;
            }
        }
        return best * 90;
    }

    private static int textAngle(String title) {
        String[] values = property(title, "textangle");
        if (values == null || values.length != 1) {
            return 0;
        }
        try {
            int angle = Math.floorMod(Math.round(Float.parseFloat(values[0])), 360);
            return angle % 90 == 0 ? angle : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // walks the page in document order, which is Tesseract's reading order
    private static void collect(Element element, List<RecognizedWord> words, List<String> lines, StringBuilder line,
                                int lineAngle, int[] votes) {
        Set<String> classes = classes(element);
        if (classes.contains("ocrx_word")) {
            RecognizedWord word = word(element);
            if (word != null) {
                words.add(word);
                votes[lineAngle / 90]++;
                if (line != null) {
                    line.append(line.isEmpty() ? "" : " ").append(word.text());
                } else {
                    // a word outside any line: keep it rather than lose text
                    lines.add(word.text());
                }
            }
            return;
        }
        StringBuilder current = line;
        int angle = lineAngle;
        boolean startsLine = line == null && classes.stream().anyMatch(LINE_CLASSES::contains);
        if (startsLine) {
            current = new StringBuilder();
            angle = textAngle(element.getAttribute("title"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, words, lines, current, angle, votes);
            }
        }
        if (startsLine && !current.isEmpty()) {
            lines.add(current.toString());
        }
    }

    private static RecognizedWord word(Element element) {
        // the text may sit in <strong>/<em> children (older Tesseract marks bold and italic words so)
        String text = element.getTextContent().strip();
        int[] box = bbox(element.getAttribute("title"));
        if (text.isEmpty() || box == null) {
            return null;
        }
        return new RecognizedWord(text, box[0], box[1], box[2], box[3], confidence(element.getAttribute("title")));
    }

    // title="bbox 10 20 110 50; x_wconf 96"
    private static int[] bbox(String title) {
        String[] values = property(title, "bbox");
        if (values == null || values.length != 4) {
            return null;
        }
        try {
            int[] box = new int[4];
            for (int i = 0; i < 4; i++) {
                box[i] = Integer.parseInt(values[i]);
            }
            return box;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int confidence(String title) {
        String[] values = property(title, "x_wconf");
        if (values == null || values.length != 1) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(100, (int) Math.round(Double.parseDouble(values[0]))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String[] property(String title, String name) {
        for (String part : title.split(";")) {
            String[] tokens = part.strip().split("\\s+");
            if (tokens.length > 0 && tokens[0].equals(name)) {
                String[] values = new String[tokens.length - 1];
                System.arraycopy(tokens, 1, values, 0, values.length);
                return values;
            }
        }
        return null;
    }

    private static Set<String> classes(Element element) {
        String value = element.getAttribute("class").strip();
        return value.isEmpty() ? Set.of() : Set.of(value.split("\\s+"));
    }

    private static Element findFirst(Element element, String cssClass) {
        if (classes(element).contains(cssClass)) {
            return element;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                Element found = findFirst(childElement, cssClass);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // the default handler prints "[Fatal Error]" to stderr before the exception says the same
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static Document parseXml(String hocr) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // hOCR names the XHTML DTD on w3.org: never fetch it, and nothing else either
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(QUIET);
            return builder.parse(new InputSource(new StringReader(hocr)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("The hOCR is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be set up", e);
        }
    }
}
