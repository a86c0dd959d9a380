package de.akte.core.hold;

import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A legal hold stays in force until one records officer asks to lift it and a second one lifts it. */
class LegalHoldTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final LegalHold hold = new LegalHold(HoldTarget.CASE_FILE, 7, " Klage VG Musterstadt ", " 3 K 12/26 ",
            "reg1", NOW);

    @Test
    void aNewHoldIsActiveWithoutARequestToLiftIt() {
        assertTrue(hold.isActive());
        assertFalse(hold.liftPending());
        assertEquals("Klage VG Musterstadt", hold.reason());
        assertEquals("3 K 12/26", hold.reference().orElseThrow());
        assertEquals(7, hold.targetId());
        assertTrue(hold.liftedBy().isEmpty());
    }

    @Test
    void aHoldNeedsAReasonOfAtMost1000CharactersAndAReferenceOfAtMost200() {
        assertThrows(IllegalArgumentException.class, () -> new LegalHold(HoldTarget.DOCUMENT, 1, " ", null, "reg1",
                NOW));
        assertThrows(IllegalArgumentException.class, () -> new LegalHold(HoldTarget.DOCUMENT, 1, null, null, "reg1",
                NOW));
        assertThrows(IllegalArgumentException.class, () -> new LegalHold(HoldTarget.DOCUMENT, 1, "r".repeat(1001),
                null, "reg1", NOW));
        assertThrows(IllegalArgumentException.class, () -> new LegalHold(HoldTarget.DOCUMENT, 1, "Prüfung",
                "x".repeat(201), "reg1", NOW));
        assertTrue(new LegalHold(HoldTarget.DOCUMENT, 1, "Prüfung", " ", "reg1", NOW).reference().isEmpty(),
                "a blank reference is none");
    }

    @Test
    void aRequestToLiftLeavesTheHoldInForce() {
        hold.requestLift("reg1", NOW, " Verfahren beendet ");
        assertTrue(hold.isActive());
        assertTrue(hold.liftPending());
        assertEquals("reg1", hold.liftRequestedBy().orElseThrow());
        assertEquals("Verfahren beendet", hold.liftReason().orElseThrow());
    }

    @Test
    void nobodyLiftsAHoldWithoutAnEarlierRequest() {
        ConflictException e = assertThrows(ConflictException.class, () -> hold.lift("reg2", NOW));
        assertTrue(e.getMessage().contains("a records officer asks first"), e.getMessage());
        assertTrue(hold.isActive());
    }

    @Test
    void whoAskedToLiftCannotAlsoLift() {
        hold.requestLift("reg1", NOW, null);
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> hold.lift("reg1", NOW));
        assertTrue(e.getMessage().startsWith("four-eyes principle: reg1 asked to lift"), e.getMessage());
        assertTrue(hold.isActive());
    }

    @Test
    void aSecondRecordsOfficerLiftsTheHold() {
        hold.requestLift("reg1", NOW, null);
        assertDoesNotThrow(() -> hold.requireLiftableBy("reg2"));
        hold.lift("reg2", NOW.plusSeconds(60));
        assertFalse(hold.isActive());
        assertFalse(hold.liftPending(), "nothing waits any more");
        assertEquals("reg2", hold.liftedBy().orElseThrow());
        assertEquals(NOW.plusSeconds(60), hold.liftedAt().orElseThrow());
    }

    @Test
    void aLiftedHoldCannotBeLiftedOrAskedAboutAgain() {
        hold.requestLift("reg1", NOW, null);
        hold.lift("reg2", NOW);
        assertThrows(ConflictException.class, () -> hold.lift("reg3", NOW));
        assertThrows(ConflictException.class, () -> hold.requestLift("reg3", NOW, null));
        assertThrows(ConflictException.class, hold::rejectLift);
    }

    @Test
    void oneRequestToLiftAtATime() {
        hold.requestLift("reg1", NOW, null);
        ConflictException e = assertThrows(ConflictException.class, () -> hold.requestLift("reg2", NOW, null));
        assertTrue(e.getMessage().startsWith("reg1 asked to lift"), e.getMessage());
        assertEquals("reg1", hold.liftRequestedBy().orElseThrow());
    }

    @Test
    void refusesALiftReasonOver1000Characters() {
        assertThrows(IllegalArgumentException.class, () -> hold.requestLift("reg1", NOW, "r".repeat(1001)));
        assertFalse(hold.liftPending());
    }

    @Test
    void aTurnedDownRequestLeavesTheHoldAsItWasAndANewOneMayFollow() {
        assertThrows(ConflictException.class, hold::rejectLift, "no request waits");
        hold.requestLift("reg1", NOW, "Verfahren beendet");
        hold.rejectLift();
        assertTrue(hold.isActive());
        assertFalse(hold.liftPending());
        assertTrue(hold.liftRequestedBy().isEmpty());
        assertTrue(hold.liftReason().isEmpty());
        assertThrows(ConflictException.class, () -> hold.lift("reg2", NOW), "the turned-down request lifts nothing");
        hold.requestLift("reg2", NOW, null);
        hold.lift("reg1", NOW);
        assertFalse(hold.isActive());
    }
}
