package vn.ocop.evaluation.criteria.sheet;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import vn.ocop.platform.problem.Problem;

/** The problem document of a rejected criteria sheet: the platform's problem fields plus {@code errors}. */
@Schema(name = "SheetProblem", description = "RFC 9457 problem details of a rejected criteria sheet, with every problem and where it is")
public record SheetProblem(
        @Schema(example = "/problems/invalid-criteria-sheet") String type,
        @Schema(example = "Invalid criteria sheet") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 problem(s) in the criteria sheet; nothing was stored") String detail,
        @Schema(example = "/api/v1/criteria-set-drafts") String instance,
        @Schema(example = SheetRejected.CODE) String code,
        List<SheetError> errors) {

    /** Answers {@link SheetRejected} (more specific than the platform's ApiException mapper, so it wins). */
    public static class Mapper {
        @ServerExceptionMapper
        public Response rejected(SheetRejected e, UriInfo uri) {
            Problem base = e.toProblem();
            return Response.status(base.status()).type(Problem.MEDIA_TYPE)
                    .entity(new SheetProblem(base.type(), base.title(), base.status(), base.detail(),
                            uri == null ? null : uri.getPath(), base.code(), e.errors()))
                    .build();
        }
    }
}
