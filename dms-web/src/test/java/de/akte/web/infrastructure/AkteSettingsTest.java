package de.akte.web.infrastructure;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The decoded page budget is a share of the heap unless its variable (or system property) names megabytes. */
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
}
