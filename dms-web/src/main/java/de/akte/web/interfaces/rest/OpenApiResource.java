package de.akte.web.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi}: the OpenAPI document, generated from these resources at build time
 * (smallrye-open-api-maven-plugin), as JSON or, with {@code ?format=yaml}, YAML.
 */
@Path("openapi")
@ApplicationScoped
@PermitAll
public class OpenApiResource {

    @GET
    @Produces({"application/json", "application/yaml"})
    public Response document(@QueryParam("format") String format) {
        boolean yaml = "yaml".equalsIgnoreCase(format);
        String resource = yaml ? "/META-INF/openapi/openapi.yaml" : "/META-INF/openapi/openapi.json";
        try (InputStream in = OpenApiResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException("the OpenAPI document was not built into this deployment");
            }
            return Response.ok(in.readAllBytes(), yaml ? "application/yaml" : "application/json").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
