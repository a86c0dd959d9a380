package de.akte.web.interfaces.rest;

import de.akte.core.application.directory.DepartmentChange;
import de.akte.core.application.directory.DepartmentView;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.directory.NewUser;
import de.akte.core.application.directory.UserChange;
import de.akte.core.application.directory.UserView;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import de.akte.web.security.LoginCache;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.TreeSet;

/** Departments and users, managed by administrators. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final Directory directory;
    private final CurrentCaller caller;
    private final LoginCache loginCache;

    @Inject
    public DirectoryResource(Directory directory, CurrentCaller caller, LoginCache loginCache) {
        this.directory = directory;
        this.caller = caller;
        this.loginCache = loginCache;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public DirectoryResource() {
        this(null, null, null);
    }

    /** The body of {@code POST /api/departments}; {@code referencePrefixes} defaults to the code and a dash. */
    public record NewDepartmentRequest(String code, String name, List<String> referencePrefixes) {
    }

    /** Who the caller is, as Akte sees them. */
    public record Me(String username, List<String> roles, List<String> departments) {
    }

    @POST
    @Path("departments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createDepartment(NewDepartmentRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the department as JSON");
        }
        return Response.status(201).entity(directory.createDepartment(caller.get(), request.code(), request.name(),
                request.referencePrefixes())).build();
    }

    /** Renames a department or changes the prefixes of its case-file references (administrators). */
    @PUT
    @Path("departments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DepartmentView changeDepartment(@PathParam("code") String code, DepartmentChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "send the changes as JSON");
        }
        return directory.changeDepartment(caller.get(), code, change);
    }

    @GET
    @Path("departments")
    public List<DepartmentView> departments() {
        caller.get();
        return directory.departments();
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createUser(NewUser request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the user as JSON");
        }
        return Response.status(201).entity(directory.createUser(caller.get(), request)).build();
    }

    @PUT
    @Path("users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView changeUser(@PathParam("username") String username, UserChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "send the changes as JSON");
        }
        UserView changed = directory.changeUser(caller.get(), username, change);
        loginCache.forget(username);
        return changed;
    }

    @GET
    @Path("users")
    public List<UserView> users() {
        return directory.users(caller.get());
    }

    @GET
    @Path("users/me")
    public Me me() {
        Caller c = caller.get();
        return new Me(c.username(), c.roles().stream().map(Enum::name).sorted().toList(),
                List.copyOf(new TreeSet<>(c.departments())));
    }
}
