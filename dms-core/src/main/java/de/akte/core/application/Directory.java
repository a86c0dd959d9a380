package de.akte.core.application;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.PasswordHasher;
import de.akte.core.security.Role;
import de.akte.core.security.UserAccount;
import de.akte.core.security.UserRepository;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

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

    /** The caller as stored now (roles and departments may have changed since a token was issued). */
    public Optional<Caller> currentCaller(String username) {
        return unitOfWork.call(() -> users.findByUsername(username).filter(UserAccount::enabled)
                .map(UserAccount::asCaller));
    }

    public DepartmentView createDepartment(Caller caller, String code, String name) {
        Access.requireAnyRole(caller, Role.ADMIN);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (code == null || !Department.CODE.matcher(code).matches()) {
            errors.add(new InvalidInputException.FieldError("code",
                    "a department code has 1 to 32 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new InvalidInputException.FieldError("name", "a department needs a name of at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the department request is invalid", errors);
        }
        return unitOfWork.call(() -> {
            if (departments.findByCode(code).isPresent()) {
                throw new ConflictException("a department " + code + " exists already");
            }
            Department department = new Department(code, name.strip(), clock.now());
            departments.add(department);
            audit.record(caller.username(), AuditAction.CREATE, "department", code, "name=" + department.name());
            return new DepartmentView(department.code(), department.name());
        });
    }

    public List<DepartmentView> departments() {
        return unitOfWork.call(() -> departments.findAll().stream()
                .map(d -> new DepartmentView(d.code(), d.name())).toList());
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
     */
    public UserView changeUser(Caller caller, String username, UserChange change) {
        Access.requireAnyRole(caller, Role.ADMIN);
        if (change.password() != null && change.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Set<Role> roles = change.roles() == null ? null : parseRoles(change.roles());
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
                audit.record(caller.username(), AuditAction.UPDATE_METADATA, "user", user.username(),
                        String.join("; ", changes));
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
            audit.record("system", AuditAction.CREATE, "user", "admin", "first start: administrator created");
            return true;
        });
    }

    private static UserView toView(UserAccount u) {
        Set<String> roles = new TreeSet<>();
        u.roles().forEach(r -> roles.add(r.name()));
        return new UserView(u.username(), roles, new TreeSet<>(u.departmentCodes()), u.enabled(), u.createdAt());
    }
}
