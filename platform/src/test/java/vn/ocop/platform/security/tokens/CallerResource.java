package vn.ocop.platform.security.tokens;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/** A protected operation of the platform's test application: answers who the bearer token says the caller is. */
@Path("/test/caller")
@Tag(name = "Test")
public class CallerResource {

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The caller's name, from the bearer token")
    public String caller() {
        return user.actor();
    }
}
