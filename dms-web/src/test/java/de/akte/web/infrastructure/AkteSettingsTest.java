package de.akte.web.infrastructure;

import de.akte.core.CoreSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoded page budget is a share of the heap unless its variable (or system property) names megabytes; the
 * core's settings follow from the product's.
 */
class AkteSettingsTest {

    @Test
    void decodedPageBudgetIsEmptyWithoutItsVariableSoThatTheHeapDecides() {
        assertEquals(OptionalLong.empty(), AkteSettings.from(new Properties(), Map.of()).decodedPageBudgetMb());
    }

    @Test
    void decodedPageBudgetComesFromItsVariableAndTheSystemPropertyWins() {
        assertEquals(OptionalLong.of(1200), AkteSettings.from(new Properties(),
                Map.of("AKTE_DECODED_PAGE_BUDGET_MB", "1200")).decodedPageBudgetMb());
        Properties system = new Properties();
        system.setProperty("akte.decoded.page.budget.mb", "300");
        assertEquals(OptionalLong.of(300), AkteSettings.from(system,
                Map.of("AKTE_DECODED_PAGE_BUDGET_MB", "1200")).decodedPageBudgetMb());
    }

    @Test
    void refusesABudgetBelowOneMegabyteWithTheVariablesName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AkteSettings.from(new Properties(), Map.of("AKTE_DECODED_PAGE_BUDGET_MB", "0")));
        assertEquals("AKTE_DECODED_PAGE_BUDGET_MB must be at least 1", refused.getMessage());
    }

    @Test
    void anS3BucketWithoutObjectLockSwitchesTheStoragesRecordsProtectionOff() {
        Map<String, String> s3 = Map.of("AKTE_STORAGE", "s3", "AKTE_S3_ENDPOINT", "http://127.0.0.1:9000",
                "AKTE_S3_ACCESS_KEY", "k", "AKTE_S3_SECRET_KEY", "s");
        assertFalse(AkteSettings.from(new Properties(), s3).core().worm());
        Map<String, String> locked = new java.util.HashMap<>(s3);
        locked.put("AKTE_S3_OBJECT_LOCK_MODE", "governance");
        assertTrue(AkteSettings.from(new Properties(), locked).core().worm());
        assertTrue(AkteSettings.from(new Properties(), Map.of()).core().worm());
    }

    @Test
    void theCoresSettingsComeFromTheProductsVariables() {
        Properties system = new Properties();
        system.setProperty("jboss.node.name", "akte-2");
        CoreSettings core = AkteSettings.from(system, Map.of("AKTE_XDOMEA_SENDER", "Stadt Musterstadt",
                "AKTE_PROCESSING_CRASH_LIMIT", "5", "AKTE_TOKEN_LIFETIME_HOURS", "2")).core();
        assertEquals("Stadt Musterstadt", core.xdomeaSender().institution());
        assertEquals("Archiv", core.xdomeaSender().archive());
        assertEquals("akte-2", core.processing().node());
        assertEquals(5, core.processing().crashLimit());
        assertEquals(java.time.Duration.ofHours(2), core.signIn().tokenLifetime());
    }
}
