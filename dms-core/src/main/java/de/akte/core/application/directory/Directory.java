package de.akte.core.application.directory;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.department.ReferenceNamespace;
import de.akte.core.department.ReferencePrefix;
import de.akte.core.security.Caller;
import de.akte.core.security.DutySeparation;
import de.akte.core.security.SignedInAccount;
import de.akte.core.security.PasswordHasher;
import de.akte.core.security.Role;
import de.akte.core.security.UserAccount;
import de.akte.core.security.UserRepository;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.security.SystemActor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Users and departments: who may sign in, with which roles, for which departments. */
public class Directory {

    /** Long enough to resist guessing, short enough to be typed by a clerk. */
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UnitOfWork unitOfWork;
    private final UserRepository users;
    private final DepartmentRepository departments;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    // a hash to compare against for unknown users, so response times don't reveal which usernames exist
    private final String decoyHash;

    public Directory(UnitOfWork unitOfWork, UserRepository users, DepartmentRepository departments,
                     PasswordHasher hasher, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.departments = departments;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    /** Checks a username and password; an unknown user, a wrong password and a disabled account look the same. */
    public Optional<Caller> authenticate(String username, char[] password) {
        Optional<UserAccount> user = unitOfWork.call(() -> users.findByUsername(username == null ? "" : username));
        String hash = user.map(UserAccount::passwordHash).orElse(decoyHash);
        boolean matches = hasher.matches(password, hash);
        if (user.isPresent() && matches && user.get().enabled()) {
            return Optional.of(user.get().asCaller());
        }
        return Optional.empty();
    }

    /** The account as stored now with its credential version, if it may sign in. */
    public Optional<SignedInAccount> session(String username) {
        return unitOfWork.call(() -> users.findByUsername(username).filter(UserAccount::enabled)
                .map(u -> new SignedInAccount(u.asCaller(), u.credentialVersion())));
    }

    /** The caller as stored now (roles and departments may have changed since a token was issued). */
    public Optional<Caller> currentCaller(String username) {
        return unitOfWork.call(() -> users.findByUsername(username).filter(UserAccount::enabled)
                .map(UserAccount::asCaller));
    }

    /** Creates a department numbering its case files under its code and a dash. */
    public DepartmentView createDepartment(Caller caller, String code, String name) {
        return createDepartment(caller, code, name, null);
    }

    /**
     * Creates a department; {@code referencePrefixes} (null: its code and a dash) must overlap no other
     * department's.
     */
    public DepartmentView createDepartment(Caller caller, String code, String name, List<String> referencePrefixes) {
        Access.requireAnyRole(caller, Role.ADMIN);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        boolean validCode = code != null && Department.CODE.matcher(code).matches();
        if (!validCode) {
            errors.add(new InvalidInputException.FieldError("code",
                    "a department code has 1 to 32 letters, digits, '.', '_' or '-'"));
        }
        if (!validName(name)) {
            errors.add(new InvalidInputException.FieldError("name", "a department needs a name of at most 200 characters"));
        }
        ReferenceNamespace namespace = null;
        if (referencePrefixes != null) {
            namespace = namespace(referencePrefixes, errors);
        } else if (validCode) {
            namespace = ReferenceNamespace.defaultFor(code);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the department request is invalid", errors);
        }
        ReferenceNamespace numbering = namespace;
        return unitOfWork.call(() -> {
            if (departments.findByCode(code).isPresent()) {
                throw new ConflictException("a department " + code + " exists already");
            }
            requireFree(code, numbering, numbering.prefixes());
            Department department = new Department(code, name.strip(), clock.now());
            department.numberUnder(numbering);
            departments.add(department);
            audit.record(caller.username(), AuditAction.CREATE, "department", code, "name=" + department.name()
                    + "; referencePrefixes=" + numbering);
            return toView(department);
        });
    }

    /** Renames a department or changes its reference namespace; null fields stay as they are. */
    public DepartmentView changeDepartment(Caller caller, String code, DepartmentChange change) {
        Access.requireAnyRole(caller, Role.ADMIN);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (change.name() != null && !validName(change.name())) {
            errors.add(new InvalidInputException.FieldError("name", "a department needs a name of at most 200 characters"));
        }
        ReferenceNamespace namespace = change.referencePrefixes() == null ? null
                : namespace(change.referencePrefixes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the department change is invalid", errors);
        }
        return unitOfWork.call(() -> {
            Department department = departments.findByCode(code == null ? "" : code)
                    .orElseThrow(() -> new NotFoundException("no department " + code));
            List<String> changes = new ArrayList<>();
            if (change.name() != null && !change.name().strip().equals(department.name())) {
                changes.add("name: " + department.name() + " -> " + change.name().strip());
                department.rename(change.name().strip());
            }
            ReferenceNamespace before = department.referenceNamespace();
            if (namespace != null && !namespace.equals(before)) {
                requireFree(department.code(), namespace, namespace.without(before));
                department.numberUnder(namespace);
                changes.add("referencePrefixes: " + before + " -> " + namespace);
            }
            if (!changes.isEmpty()) {
                audit.record(caller.username(), AuditAction.UPDATE_METADATA, "department", department.code(),
                        String.join("; ", changes));
            }
            return toView(department);
        });
    }

    public List<DepartmentView> departments() {
        return unitOfWork.call(() -> departments.findAll().stream().map(Directory::toView).toList());
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 200;
    }

    private static ReferenceNamespace namespace(List<String> prefixes, List<InvalidInputException.FieldError> errors) {
        try {
            return ReferenceNamespace.of(prefixes);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError("referencePrefixes", e.getMessage()));
            return null;
        }
    }

    /**
     * Refuses a namespace that overlaps another department's, or whose {@code added} prefixes (new to the
     * department) other departments' case files use already: their clerks would meet their own references as
     * foreign ones, and ours would learn of files they cannot see. Administrators may learn who is in the way.
     */
    private void requireFree(String code, ReferenceNamespace namespace, List<ReferencePrefix> added) {
        for (Department other : departments.findAll()) {
            if (other.code().equals(code)) {
                continue;
            }
            var overlap = namespace.overlapWith(other.referenceNamespace());
            if (overlap.isPresent()) {
                throw new ConflictException("the reference prefix " + overlap.get().mine() + " overlaps "
                        + overlap.get().theirs() + " of department " + other.code()
                        + ": no reference may belong to two departments");
            }
        }
        for (ReferencePrefix prefix : added) {
            List<String> holders = departments.codesNumberingUnder(prefix).stream().filter(c -> !c.equals(code)).toList();
            if (!holders.isEmpty()) {
                throw new ConflictException("case files of department " + String.join(", ", holders)
                        + " have references beginning with " + prefix + " already");
            }
        }
    }

    private static DepartmentView toView(Department d) {
        return new DepartmentView(d.code(), d.name(), d.referenceNamespace().values());
    }

    public UserView createUser(Caller caller, NewUser request) {
        Access.requireAnyRole(caller, Role.ADMIN);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (request.username() == null || !UserAccount.USERNAME.matcher(request.username()).matches()) {
            errors.add(new InvalidInputException.FieldError("username",
                    "a username has 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'"));
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(new InvalidInputException.FieldError("password",
                    "a password needs at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("roles", "a user needs at least one role"));
        } else {
            for (String r : request.roles()) {
                try {
                    roles.add(Role.valueOf(r));
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new InvalidInputException.FieldError("roles", "unknown role " + r
                            + " (known: CLERK, SCANNER, RECORDS_OFFICER, ADMIN)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the user request is invalid", errors);
        }
        DutySeparation.conflictIn(roles).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        String hash = hasher.hash(request.password().toCharArray());
        return unitOfWork.call(() -> {
            if (users.findByUsername(request.username()).isPresent()) {
                throw new ConflictException("a user " + request.username() + " exists already");
            }
            Set<Department> memberOf = new HashSet<>();
            for (String code : request.departments() == null ? List.<String>of() : request.departments()) {
                memberOf.add(departments.findByCode(code)
                        .orElseThrow(() -> new InvalidInputException("departments", "no department " + code)));
            }
            UserAccount user = new UserAccount(request.username(), hash, roles, memberOf, clock.now());
            users.add(user);
            audit.record(caller.username(), AuditAction.CREATE, "user", user.username(),
                    "roles=" + new TreeSet<>(roles) + "; departments=" + new TreeSet<>(user.departmentCodes()));
            return toView(user);
        });
    }

    /**
     * Changes a user's roles, departments, password or whether they may sign in; null fields stay.
     * An administrator cannot lock themselves out by removing their own ADMIN role or disabling themselves.
     * Every change is audited with its reason ("none given" when the caller gave none), and ends the user's
     * sessions and tokens at once.
     */
    public UserView changeUser(Caller caller, String username, UserChange change) {
        Access.requireAnyRole(caller, Role.ADMIN);
        if (change.password() != null && change.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String given = change.reason() == null ? "" : change.reason().strip();
        // the API's callers from before reasons existed keep working; the trail says that none was given
        String reason = given.isEmpty() ? "none given" : given;
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "the reason has at most 500 characters");
        }
        Set<Role> roles = change.roles() == null ? null : parseRoles(change.roles());
        if (roles != null) {
            DutySeparation.conflictIn(roles).ifPresent(conflict -> {
                throw new ConflictException(conflict);
            });
        }
        String hash = change.password() == null ? null : hasher.hash(change.password().toCharArray());
        return unitOfWork.call(() -> {
            UserAccount user = users.findByUsername(username)
                    .orElseThrow(() -> new de.akte.core.shared.NotFoundException("no user " + username));
            boolean self = user.username().equals(caller.username());
            if (self && ((roles != null && !roles.contains(Role.ADMIN)) || Boolean.FALSE.equals(change.enabled()))) {
                throw new ConflictException("you cannot remove your own administrator access");
            }
            List<String> changes = new ArrayList<>();
            if (roles != null || change.departments() != null) {
                Set<Department> memberOf = new HashSet<>();
                if (change.departments() != null) {
                    for (String code : change.departments()) {
                        memberOf.add(departments.findByCode(code)
                                .orElseThrow(() -> new InvalidInputException("departments", "no department " + code)));
                    }
                }
                Set<Role> newRoles = roles != null ? roles : user.roles();
                Set<Department> newDepartments = change.departments() != null ? memberOf : currentDepartments(user);
                user.assign(newRoles, newDepartments);
                changes.add("roles=" + new TreeSet<>(newRoles) + "; departments=" + new TreeSet<>(user.departmentCodes()));
            }
            if (hash != null) {
                user.changePasswordHash(hash);
                changes.add("password changed");
            }
            if (change.enabled() != null && change.enabled() != user.enabled()) {
                if (change.enabled()) {
                    user.enable();
                } else {
                    user.disable();
                }
                changes.add(change.enabled() ? "enabled" : "disabled");
            }
            if (!changes.isEmpty()) {
                // whatever changed, what was signed in before no longer speaks for this user
                user.endSessions();
                changes.add("sessions and tokens ended");
                audit.record(caller.username(), AuditAction.UPDATE_METADATA, "user", user.username(),
                        String.join("; ", changes) + "; reason: " + reason);
            }
            return toView(user);
        });
    }

    private Set<Department> currentDepartments(UserAccount user) {
        Set<Department> result = new HashSet<>();
        for (String code : user.departmentCodes()) {
            departments.findByCode(code).ifPresent(result::add);
        }
        return result;
    }

    private static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : names) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("roles", "unknown role " + r + " (known: CLERK, SCANNER, RECORDS_OFFICER, ADMIN)");
            }
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "a user needs at least one role");
        }
        return roles;
    }

    public List<UserView> users(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return unitOfWork.call(() -> users.findAll().stream().map(Directory::toView).toList());
    }

    /**
     * Applies the separation of duties to accounts from before it existed: an account holding ADMIN and
     * RECORDS_OFFICER keeps ADMIN (so nobody loses the means to repair access) and loses RECORDS_OFFICER; its
     * sessions end, and the audit trail names each account. Returns the usernames changed.
     */
    public List<String> separateDuties() {
        return unitOfWork.call(() -> {
            List<String> changed = new ArrayList<>();
            for (UserAccount user : users.findAll()) {
                if (DutySeparation.conflictIn(user.roles()).isEmpty()) {
                    continue;
                }
                Set<Role> kept = EnumSet.copyOf(user.roles());
                kept.remove(Role.RECORDS_OFFICER);
                user.assign(kept, currentDepartments(user));
                user.endSessions();
                audit.record(SystemActor.START_UP.actorName(), AuditAction.UPDATE_METADATA, "user", user.username(),
                        "roles=" + new TreeSet<>(kept) + "; sessions and tokens ended; reason: separation of duties, "
                                + "RECORDS_OFFICER removed from an administrator account");
                changed.add(user.username());
            }
            return changed;
        });
    }

    /**
     * Creates {@code admin} when no user exists yet (first start).
     *
     * @return true if the administrator was created
     */
    public boolean ensureAdministrator(char[] password) {
        String hash = hasher.hash(password);
        return unitOfWork.call(() -> {
            if (users.count() > 0) {
                return false;
            }
            users.add(new UserAccount("admin", hash, EnumSet.of(Role.ADMIN), Set.of(), clock.now()));
            audit.record(SystemActor.START_UP.actorName(), AuditAction.CREATE, "user", "admin",
                    "first start: administrator created");
            return true;
        });
    }

    private static UserView toView(UserAccount u) {
        Set<String> roles = new TreeSet<>();
        u.roles().forEach(r -> roles.add(r.name()));
        return new UserView(u.username(), roles, new TreeSet<>(u.departmentCodes()), u.enabled(), u.createdAt());
    }
}
