package de.akte.web.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves a screenshot and the page source of the test's browser when a browser test fails. */
final class ScreenshotOnFailure implements TestWatcher {

    /** A test class with a browser. */
    interface WithBrowser {
        Browser browser();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object test = context.getTestInstance().orElse(null);
        if (test instanceof WithBrowser withBrowser && withBrowser.browser() != null) {
            withBrowser.browser().saveEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }
}
