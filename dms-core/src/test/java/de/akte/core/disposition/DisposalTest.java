package de.akte.core.disposition;

import de.akte.core.retention.DisposalAction;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disposal is decided by four eyes, then destroyed or transferred through the xdomea steps in order; the approval
 * fixes what it removes, and a change afterwards needs a new four-eyes decision.
 */
class DisposalTest {

    private static final Instant NOW = Instant.parse("2031-12-01T09:00:00Z");

    private static DisposalItem item(long caseFileId) {
        return new DisposalItem(caseFileId, "RM-" + caseFileId, "Akte " + caseFileId, LocalDate.of(2031, 11, 27),
                "§ 10 AktO");
    }

    private static CaseFileContents contents(long caseFileId, String fingerprint, ApprovedVersion... versions) {
        return new CaseFileContents(caseFileId, fingerprint, List.of(versions));
    }

    private static ApprovedVersion version(long caseFileId, long document, int number, char hash) {
        return new ApprovedVersion(caseFileId, document, "Dokument " + document, number, "d" + document + ".pdf",
                String.valueOf(hash).repeat(64));
    }

    private final Disposal destroy = new Disposal(DisposalAction.DESTROY, List.of(item(1), item(2)), "reg1", NOW);
    private final Disposal transfer = new Disposal(DisposalAction.TRANSFER, List.of(item(1), item(2)), "reg1", NOW);

    private void approve(Disposal d) {
        d.approve("reg2", NOW, List.of(contents(1, "f1", version(1, 10, 1, 'a'), version(1, 10, 2, 'b')),
                contents(2, "f2", version(2, 20, 1, 'c'))));
    }

    @Test
    void theApprovalFixesEveryVersionOfEveryCaseFile() {
        approve(destroy);
        assertEquals(DisposalState.APPROVED, destroy.state());
        assertEquals("f1", destroy.item(1).orElseThrow().approvedFingerprint().orElseThrow());
        assertEquals(List.of(1, 2), destroy.approvedVersions(1).stream().map(ApprovedVersion::versionNumber).toList());
        assertEquals(1, destroy.approvedVersions(2).size());
        assertTrue(destroy.changeSinceApproval(contents(1, "f1")).isEmpty(), "same fingerprint, same contents");
    }

    @Test
    void refusesAnApprovalThatDoesNotFixEveryCaseFile() {
        assertThrows(IllegalArgumentException.class, () -> destroy.approve("reg2", NOW, List.of(contents(1, "f1"))));
        assertEquals(DisposalState.PROPOSED, destroy.state());
        assertTrue(destroy.decidedBy().isEmpty());
    }

    @Test
    void theProposerCannotApproveEvenWithContents() {
        assertThrows(ForbiddenException.class, () -> destroy.approve("reg1", NOW,
                List.of(contents(1, "f1"), contents(2, "f2"))));
    }

    @Test
    void namesWhatChangedSinceTheApproval() {
        approve(destroy);
        String added = destroy.changeSinceApproval(contents(1, "other", version(1, 10, 1, 'a'),
                version(1, 10, 2, 'b'), version(1, 11, 1, 'd'))).orElseThrow();
        assertEquals("documents added [11]", added);
        String removed = destroy.changeSinceApproval(contents(2, "other")).orElseThrow();
        assertEquals("documents removed or moved out [20]", removed);
        String newVersion = destroy.changeSinceApproval(contents(2, "other", version(2, 20, 1, 'c'),
                version(2, 20, 2, 'e'))).orElseThrow();
        assertEquals("versions added or changed in documents [20]", newVersion);
        String otherContent = destroy.changeSinceApproval(contents(2, "other", version(2, 20, 1, 'x')))
                .orElseThrow();
        assertEquals("versions added or changed in documents [20]", otherContent);
        String process = destroy.changeSinceApproval(contents(2, "other", version(2, 20, 1, 'c'))).orElseThrow();
        assertEquals("its processes or its closing changed", process);
    }

    @Test
    void aChangeSendsAnApprovedDisposalBackForANewDecision() {
        approve(destroy);
        assertTrue(destroy.caseFileChanging(2, "case file RM-2 was reopened by clerk: Nachtrag", NOW.plusSeconds(60)));
        assertEquals(DisposalState.PROPOSED, destroy.state());
        assertTrue(destroy.decidedBy().isEmpty());
        assertTrue(destroy.approvedVersions(1).isEmpty());
        assertTrue(destroy.item(1).orElseThrow().approvedFingerprint().isEmpty());
        assertEquals("case file RM-2 was reopened by clerk: Nachtrag", destroy.sentBackReason().orElseThrow());
        assertEquals(NOW.plusSeconds(60), destroy.sentBackAt().orElseThrow());

        ConflictException e = assertThrows(ConflictException.class, () -> destroy.executed("reg1", NOW));
        assertTrue(e.getMessage().contains("sent back for a new decision (case file RM-2 was reopened by clerk: "
                + "Nachtrag)"), e.getMessage());
        approve(destroy);
        assertEquals(DisposalState.APPROVED, destroy.state(), "a new four-eyes decision approves it again");
    }

    @Test
    void aChangeToAFileOutsideTheDisposalChangesNothing() {
        approve(destroy);
        assertFalse(destroy.caseFileChanging(3, "another file", NOW));
        assertEquals(DisposalState.APPROVED, destroy.state());
    }

    @Test
    void aProposedDisposalIsNotSentBackItsApprovalWillSeeTheChange() {
        assertFalse(destroy.caseFileChanging(1, "reopened", NOW));
        assertTrue(destroy.sentBackReason().isEmpty());
    }

    @Test
    void sendingBackAnOfferedTransferStartsANewXdomeaProcess() {
        approve(transfer);
        transfer.offered("reg1", NOW);
        String process = transfer.processId();
        assertTrue(transfer.caseFileChanging(1, "reopened", NOW));
        assertEquals(DisposalState.PROPOSED, transfer.state());
        assertNotEquals(process, transfer.processId(), "the archive's answers to the old offer no longer fit");
        assertTrue(transfer.executedBy().isEmpty());
    }

    @Test
    void aFileTheArchiveIsTakingCannotChangeUntilTheTransferEnded() {
        approve(transfer);
        transfer.offered("reg1", NOW);
        transfer.appraised(Map.of("RM-1", Appraisal.ARCHIVE, "RM-2", Appraisal.APPRAISE));
        ConflictException e = assertThrows(ConflictException.class, () -> transfer.caseFileChanging(1, "reopened",
                NOW));
        assertTrue(e.getMessage().contains("being transferred to the archive"), e.getMessage());
        assertFalse(transfer.caseFileChanging(2, "reopened", NOW), "what the archive wants appraised stays here");
        assertEquals(DisposalState.APPRAISED, transfer.state());
        assertThrows(ConflictException.class, () -> transfer.sendBack("late", NOW));
    }

    @Test
    void aDisposalApprovedBeforeContentsWereFixedHasNothingToCompare() {
        // such rows come from schema version 9; the migration sent back those the archive had not appraised
        Disposal legacy = new Disposal(DisposalAction.DESTROY, List.of(item(5)), "reg1", NOW);
        assertTrue(legacy.changeSinceApproval(contents(5, "anything")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> legacy.changeSinceApproval(contents(6, "x")));
    }

    private void offeredAndAppraised(Map<String, Appraisal> appraisals) {
        approve(transfer);
        transfer.offered("reg1", NOW);
        transfer.appraised(appraisals);
    }

    @Test
    void aNewDisposalIsProposedWithAnXdomeaProcessOfItsOwn() {
        assertEquals(DisposalState.PROPOSED, destroy.state());
        assertEquals("reg1", destroy.proposedBy());
        assertEquals(2, destroy.items().size());
        assertNotEquals(destroy.processId(), transfer.processId());
        assertTrue(destroy.decidedBy().isEmpty());
        assertTrue(destroy.approvedVersions(1).isEmpty(), "nothing is fixed before the approval");
    }

    @Test
    void refusesADisposalWithoutCaseFilesOrOneThatOnlyReviews() {
        assertThrows(IllegalArgumentException.class, () -> new Disposal(DisposalAction.DESTROY, List.of(), "reg1", NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new Disposal(DisposalAction.REVIEW, List.of(item(1)), "reg1", NOW));
    }

    @Test
    void aSecondRecordsOfficerApproves() {
        approve(destroy);
        assertEquals("reg2", destroy.decidedBy().orElseThrow());
        assertEquals(NOW, destroy.decidedAt().orElseThrow());
        assertTrue(destroy.decisionReason().isEmpty());
    }

    @Test
    void theProposerCannotDecideOnTheirOwnProposal() {
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> destroy.requireDecidableBy("reg1"));
        assertTrue(e.getMessage().startsWith("four-eyes principle: reg1 proposed disposal"), e.getMessage());
        assertThrows(ForbiddenException.class, () -> destroy.reject("reg1", NOW, "withdrawn"));
        assertEquals(DisposalState.PROPOSED, destroy.state());
        assertTrue(destroy.decidedBy().isEmpty());
        assertDoesNotThrow(() -> destroy.requireDecidableBy("reg2"));
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheDisposal() {
        assertThrows(IllegalArgumentException.class, () -> destroy.reject("reg2", NOW, " "));
        assertThrows(IllegalArgumentException.class, () -> destroy.reject("reg2", NOW, null));
        destroy.reject("reg2", NOW, " " + "r".repeat(1200) + " ");
        assertEquals(DisposalState.REJECTED, destroy.state());
        assertEquals("reg2", destroy.decidedBy().orElseThrow());
        assertEquals("r".repeat(1000), destroy.decisionReason().orElseThrow());
        assertThrows(ConflictException.class, () -> approve(destroy), "a rejected disposal is decided");
        assertThrows(ConflictException.class, () -> destroy.executed("reg1", NOW));
        assertFalse(destroy.caseFileChanging(1, "reopened", NOW), "nothing to send back");
    }

    @Test
    void aDisposalIsDecidedOnlyOnce() {
        approve(destroy);
        ConflictException e = assertThrows(ConflictException.class, () -> destroy.reject("reg3", NOW, "doch nicht"));
        assertTrue(e.getMessage().endsWith("is APPROVED and cannot be decided"), e.getMessage());
        assertEquals(DisposalState.APPROVED, destroy.state());
    }

    @Test
    void aDestructionRunsOnlyAfterTheApproval() {
        assertThrows(ConflictException.class, () -> destroy.executed("reg1", NOW));
        approve(destroy);
        destroy.executed("reg1", NOW.plusSeconds(5));
        assertEquals(DisposalState.EXECUTED, destroy.state());
        assertEquals("reg1", destroy.executedBy().orElseThrow());
        assertEquals(NOW.plusSeconds(5), destroy.executedAt().orElseThrow());
        assertThrows(ConflictException.class, () -> destroy.executed("reg1", NOW), "it runs once");
        assertFalse(destroy.mayBeSentBack(), "what was destroyed cannot be decided again");
        assertThrows(ConflictException.class, () -> destroy.sendBack("too late", NOW));
    }

    @Test
    void aDestructionHasNoArchiveSteps() {
        approve(destroy);
        assertThrows(ConflictException.class, () -> destroy.offered("reg1", NOW));
        assertThrows(ConflictException.class, () -> destroy.appraised(Map.of()));
        assertThrows(ConflictException.class, destroy::transferred);
        assertThrows(ConflictException.class, destroy::confirmed);
        assertThrows(ConflictException.class, destroy::closedWithoutTransfer);
        assertEquals(DisposalState.APPROVED, destroy.state());
    }

    @Test
    void aTransferIsNotExecutedItRunsThroughTheXdomeaMessages() {
        approve(transfer);
        ConflictException e = assertThrows(ConflictException.class, () -> transfer.executed("reg1", NOW));
        assertTrue(e.getMessage().contains("runs through the xdomea messages"), e.getMessage());
    }

    @Test
    void aTransferIsOfferedOnlyAfterTheApprovalAndMayBeOfferedAgain() {
        assertThrows(ConflictException.class, () -> transfer.offered("reg1", NOW));
        approve(transfer);
        transfer.offered("reg1", NOW);
        transfer.offered("reg3", NOW.plusSeconds(60));
        assertEquals(DisposalState.OFFERED, transfer.state());
        assertEquals("reg3", transfer.executedBy().orElseThrow(), "the last offer list handed out counts");
        assertTrue(transfer.mayBeSentBack());
    }

    @Test
    void theArchivesAppraisalMustDecideOnEveryCaseFileOrItChangesNothing() {
        approve(transfer);
        assertThrows(ConflictException.class, () -> transfer.appraised(Map.of("RM-1", Appraisal.ARCHIVE,
                "RM-2", Appraisal.ARCHIVE)), "not before the offer");
        transfer.offered("reg1", NOW);
        assertThrows(IllegalArgumentException.class, () -> transfer.appraised(Map.of("RM-1", Appraisal.ARCHIVE)));
        assertEquals(DisposalState.OFFERED, transfer.state());
        assertTrue(transfer.items().stream().allMatch(i -> i.appraisal().isEmpty()),
                "a refused appraisal leaves no item appraised");
        transfer.appraised(Map.of("RM-1", Appraisal.ARCHIVE, "RM-2", Appraisal.DESTROY));
        assertEquals(DisposalState.APPRAISED, transfer.state());
        assertEquals(Appraisal.DESTROY, transfer.item(2).orElseThrow().appraisal().orElseThrow());
        assertThrows(ConflictException.class, () -> transfer.appraised(Map.of("RM-1", Appraisal.ARCHIVE,
                "RM-2", Appraisal.ARCHIVE)), "appraised once");
    }

    @Test
    void whatTheArchiveTakesIsTransferredThenConfirmed() {
        offeredAndAppraised(Map.of("RM-1", Appraisal.ARCHIVE, "RM-2", Appraisal.DESTROY));
        assertFalse(transfer.takesNothing());
        assertThrows(ConflictException.class, transfer::closedWithoutTransfer);
        assertThrows(ConflictException.class, transfer::confirmed, "no confirmation before the package");
        transfer.transferred();
        transfer.transferred();
        assertEquals(DisposalState.TRANSFERRED, transfer.state(), "the package may be handed out again");
        transfer.confirmed();
        assertEquals(DisposalState.CONFIRMED, transfer.state());
        assertThrows(ConflictException.class, transfer::transferred);
        assertThrows(ConflictException.class, transfer::confirmed);
    }

    @Test
    void aTransferTheArchiveTakesNothingFromClosesWithoutPackage() {
        offeredAndAppraised(Map.of("RM-1", Appraisal.DESTROY, "RM-2", Appraisal.APPRAISE));
        assertTrue(transfer.takesNothing());
        transfer.closedWithoutTransfer();
        assertEquals(DisposalState.CONFIRMED, transfer.state());
    }

    @Test
    void thePackageFollowsTheAppraisal() {
        approve(transfer);
        transfer.offered("reg1", NOW);
        ConflictException e = assertThrows(ConflictException.class, transfer::transferred);
        assertTrue(e.getMessage().contains("the package follows the appraisal"), e.getMessage());
    }

    @Test
    void aDisposalSentBackWithoutReasonSaysThatACaseFileChanged() {
        approve(destroy);
        destroy.sendBack(" ", NOW);
        assertEquals("a case file changed", destroy.sentBackReason().orElseThrow());
        approve(destroy);
        destroy.sendBack("w".repeat(1500), NOW);
        assertEquals(1000, destroy.sentBackReason().orElseThrow().length());
    }

    @Test
    void aProposedDisposalCannotBeSentBack() {
        assertFalse(destroy.mayBeSentBack());
        assertThrows(ConflictException.class, () -> destroy.sendBack("changed", NOW));
    }

    @Test
    void sendingBackAnOfferVoidsTheApprovedContentsAndTheOffer() {
        approve(transfer);
        transfer.offered("reg1", NOW);
        transfer.sendBack("reopened", NOW);
        assertTrue(transfer.items().stream().allMatch(i -> i.approvedFingerprint().isEmpty()));
        assertTrue(transfer.executedBy().isEmpty());
        assertTrue(transfer.executedAt().isEmpty());
        assertThrows(ConflictException.class, () -> transfer.offered("reg1", NOW), "a new decision comes first");
    }
}
