package vn.ocop.registry.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Renders the verification page (templates/verification/page.html) as a response with a given status. */
@ApplicationScoped
public class VerificationPages {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    @Location("verification/page.html")
    Template page;

    Response.ResponseBuilder html(int status, PageModel model) {
        return Response.status(status).type(HTML_UTF8).header("Content-Language", model.lang())
                .entity(page.data("p", model).render());
    }
}
