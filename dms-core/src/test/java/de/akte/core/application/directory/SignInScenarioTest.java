package de.akte.core.application.directory;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.persistence.jpa.JpaUserRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.IssuedToken;
import de.akte.core.security.PasswordHasher;
import de.akte.core.security.Role;
import de.akte.core.security.SignedInAccount;
import de.akte.core.security.ThrottlePolicy;
import de.akte.core.security.UserAccount;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.AkteCore;
import de.akte.core.CoreSettings;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in, tokens and the separation of duties against a real database, on a clock the test moves. */
class SignInScenarioTest {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {
        private final TestDatabase.Kind kind;
        private final AtomicInteger sequence = new AtomicInteger();
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
        private final Clock clock = now::get;
        private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
        private JpaTestContext db;
        private Directory directory;
        private ApiTokens tokens;
        private PasswordLogin login;
        private AuditTrail audit;
        private JpaUserRepository users;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() {
            db = new JpaTestContext(kind);
            var em = db.entityManager();
            users = new JpaUserRepository(em);
            // signing in stores no files: no blob store
            AkteCore core = TestCore.over(db, clock, null).signIn(new CoreSettings.SignIn(
                    new ThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(15),
                            Duration.ofHours(4), Duration.ofHours(1)),
                    ThrottlePolicy.addressDefaults(), 1, Duration.ofSeconds(5), Duration.ofHours(12),
                    Duration.ofDays(30))).build();
            audit = core.audit();
            directory = core.directory();
            tokens = core.apiTokens();
            login = core.passwordLogin();
        }

        @AfterAll
        void stop() {
            db.close();
        }

        private String clerk() {
            String name = "nutzer" + sequence.incrementAndGet();
            directory.createUser(admin, new NewUser(name, "richtiges Passwort", List.of("CLERK"), List.of()));
            return name;
        }

        private SignedInAccount account(String name) {
            return directory.session(name).orElseThrow();
        }

        private List<AuditAction> trail(String type, String id) {
            return db.call(() -> audit.historyOf(type, id, 100)).stream().map(AuditEntry::action).toList();
        }

        @Test
        void tokensInheritTheirAbsoluteLimitSoTheyCannotRenewThemselvesForever() {
            String name = clerk();
            IssuedToken first = tokens.issue(account(name), now.get(), Optional.empty(), "scanner-pc");
            assertEquals(now.get().plus(Duration.ofDays(30)), first.absoluteExpiresAt());
            assertEquals(now.get().plus(Duration.ofHours(12)), first.expiresAt());
            IssuedToken chained = first;
            for (int day = 0; day < 29; day++) {
                now.set(now.get().plus(Duration.ofHours(11)));
                var holder = tokens.resolve(chained.token()).orElseThrow();
                chained = tokens.issue(holder.account(), now.get(), Optional.of(holder.absoluteExpiresAt()), null);
                assertEquals(first.absoluteExpiresAt(), chained.absoluteExpiresAt());
            }
            now.set(first.absoluteExpiresAt());
            assertTrue(tokens.resolve(chained.token()).isEmpty(), "past the absolute limit no chain of renewals helps");
            assertTrue(trail("token", Long.toString(first.id())).contains(AuditAction.TOKEN_ISSUED));
        }

        @Test
        void aChangeOfPasswordOrRolesVoidsTokensAndOnlyTheOwnerOrAnAdministratorRevokes() {
            String name = clerk();
            IssuedToken token = tokens.issue(account(name), now.get(), Optional.empty(), "cli");
            Caller owner = account(name).caller();
            assertEquals(1, tokens.own(owner).size());
            Caller stranger = account(clerk()).caller();
            assertThrows(NotFoundException.class, () -> tokens.revoke(stranger, token.id(), false, null));
            assertThrows(de.akte.core.shared.ForbiddenException.class,
                    () -> tokens.revoke(stranger, token.id(), true, null));

            assertThrows(InvalidInputException.class, () -> directory.changeUser(admin, name,
                    new UserChange(List.of("CLERK", "SCANNER"), null, null, null, "x".repeat(501))),
                    "a reason has at most 500 characters");
            assertTrue(tokens.resolve(token.token()).isPresent(), "a refused change ends nothing");
            directory.changeUser(admin, name, new UserChange(List.of("CLERK", "SCANNER"), null, null, null,
                    "zusätzlich Scanstelle"));
            assertTrue(tokens.resolve(token.token()).isEmpty(), "the role change ended the token");
            assertTrue(tokens.own(owner).isEmpty(), "a dead token is not listed");

            IssuedToken fresh = tokens.issue(account(name), now.get(), Optional.empty(), null);
            tokens.revoke(account(name).caller(), fresh.id(), false, null);
            assertTrue(tokens.resolve(fresh.token()).isEmpty());
            assertTrue(trail("token", Long.toString(fresh.id())).contains(AuditAction.TOKEN_REVOKED));
        }

        @Test
        void revokingAllOfAUsersTokensAsAdministratorNeedsTheRoleEvenForOnesOwn() {
            String name = clerk();
            tokens.issue(account(name), now.get(), Optional.empty(), "cli");
            tokens.issue(account(name), now.get(), Optional.empty(), "scanner-pc");
            Caller owner = account(name).caller();

            var refused = assertThrows(de.akte.core.shared.ForbiddenException.class,
                    () -> tokens.revokeAll(owner, name, true, "own tokens through the administrators' door"));
            assertEquals("this needs the role ADMIN", refused.getMessage());
            assertThrows(de.akte.core.shared.ForbiddenException.class,
                    () -> tokens.revokeAll(account(clerk()).caller(), name, false, null));
            assertEquals(2, tokens.own(owner).size(), "a refused revocation ends nothing");

            java.util.function.Supplier<de.akte.core.shared.Page.Request> malformed = () -> {
                throw new InvalidInputException("size", "size must be a whole number, not 'viele'");
            };
            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> tokens.all(owner, name, malformed),
                    "a stranger is refused before the request is judged");
            assertThrows(InvalidInputException.class, () -> tokens.all(admin, name, malformed));
            assertEquals(2, tokens.all(admin, name, () -> new de.akte.core.shared.Page.Request(0, 20)).size());
            assertEquals(1, tokens.all(admin, name, () -> new de.akte.core.shared.Page.Request(1, 1)).size());

            assertEquals(2, tokens.revokeAll(admin, name, true, "Rechner verloren"));
            assertTrue(tokens.own(owner).isEmpty());
            assertEquals(0, tokens.revokeAll(owner, name, false, "by the owner"), "the owner may always revoke their own");
            assertTrue(trail("user", name).contains(AuditAction.TOKEN_REVOKED));
        }

        @Test
        void aBurstOfWrongPasswordsLocksTheAccountAndEveryStepIsAudited() {
            String name = clerk();
            String other = clerk();
            List<PasswordLogin.Outcome> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PasswordLogin.Result r = login.signIn(name, ("falsch" + i).toCharArray(), "198.51.100.9", "basic");
                outcomes.add(r.outcome());
                if (r.outcome() == PasswordLogin.Outcome.DELAYED) {
                    now.set(now.get().plus(r.retryAfter()));
                }
            }
            assertEquals(List.of(PasswordLogin.Outcome.FAILED, PasswordLogin.Outcome.FAILED,
                    PasswordLogin.Outcome.FAILED, PasswordLogin.Outcome.FAILED, PasswordLogin.Outcome.DELAYED,
                    PasswordLogin.Outcome.FAILED, PasswordLogin.Outcome.LOCKED, PasswordLogin.Outcome.LOCKED), outcomes);
            assertEquals(PasswordLogin.Outcome.LOCKED,
                    login.signIn(name, "richtiges Passwort".toCharArray(), "192.0.2.4", "basic").outcome(),
                    "locked even with the right password from a new address");
            assertTrue(login.signIn(other, "richtiges Passwort".toCharArray(), "192.0.2.4", "basic").signedIn(),
                    "another account is untouched");

            List<AuditAction> trail = trail("user", name);
            assertEquals(5, trail.stream().filter(a -> a == AuditAction.LOGIN_FAILED).count(), trail::toString);
            assertEquals(1, trail.stream().filter(a -> a == AuditAction.LOGIN_LOCKED).count(), trail::toString);
            assertTrue(trail("user", other).contains(AuditAction.LOGIN));
        }

        @Test
        void oneAccountCannotHoldAdministratorAndRecordsOfficerAndOldAccountsAreSplit() {
            assertThrows(ConflictException.class, () -> directory.createUser(admin, new NewUser("beides"
                    + sequence.incrementAndGet(), "richtiges Passwort", List.of("ADMIN", "RECORDS_OFFICER"), List.of())));
            String officer = "registratur" + sequence.incrementAndGet();
            directory.createUser(admin, new NewUser(officer, "richtiges Passwort", List.of("RECORDS_OFFICER"), List.of()));
            assertThrows(ConflictException.class, () -> directory.changeUser(admin, officer,
                    new UserChange(List.of("RECORDS_OFFICER", "ADMIN"), null, null, null, "Vertretung")));

            // an account from before the rule
            String old = "altkonto" + sequence.incrementAndGet();
            db.run(() -> users.add(new UserAccount(old, new PasswordHasher(1000).hash("x".toCharArray()),
                    EnumSet.of(Role.ADMIN, Role.RECORDS_OFFICER), Set.of(), now.get())));
            long before = db.call(() -> users.findByUsername(old).orElseThrow().credentialVersion());
            assertTrue(directory.separateDuties().contains(old));
            UserAccount split = db.call(() -> users.findByUsername(old).orElseThrow());
            assertEquals(Set.of(Role.ADMIN), split.roles(), "keeps ADMIN, loses RECORDS_OFFICER");
            assertTrue(split.credentialVersion() > before, "its sessions and tokens ended");
            assertTrue(trail("user", old).contains(AuditAction.UPDATE_METADATA));
            assertTrue(directory.separateDuties().isEmpty(), "nothing left to split");
        }
    }
}
