package de.akte.ingest.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates PDFs against PDF/A-2b with veraPDF, the reference validator of the PDF Association. */
public final class VeraPdf {
    // the foundry is a process-wide registry in veraPDF itself; initialising it twice is harmless but slow
    private static volatile boolean initialised;

    private VeraPdf() {
    }

    /** Asserts veraPDF finds the PDF compliant with PDF/A-2b, listing the failed rules otherwise. */
    public static void assertPdfA2b(byte[] pdf) {
        String failures = validatePdfA2b(pdf);
        if (failures != null) {
            throw new AssertionError("veraPDF: not PDF/A-2b compliant:\n" + failures);
        }
    }

    /** Null when compliant, else the failed rule ids with messages. */
    public static synchronized String validatePdfA2b(byte[] pdf) {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
        try (InputStream in = new ByteArrayInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return null;
            }
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct()
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("veraPDF failed: " + e, e);
        }
    }
}
