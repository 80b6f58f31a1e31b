package vn.ocop.evaluation.council;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;

/** A council as the API shows it. */
@Schema(name = "Council")
public record CouncilView(UUID id, String name, CouncilLevel level, @Schema(nullable = true) String provinceCode, int quorum, BigDecimal mandatoryShare,
                          boolean mandatoryStrict, List<CouncilRequest.MemberRequest> members, List<CouncilRequest.AdviserRequest> advisoryTeam,
                          @Schema(nullable = true) String regulation, List<CouncilRequest.ExtraRoundRequest> extraRounds, long version) {

    static CouncilView of(Council c) {
        return new CouncilView(c.id, c.name, c.level, c.provinceCode, c.quorum, c.mandatoryShare, c.mandatoryStrict,
                c.members.stream().map(m -> new CouncilRequest.MemberRequest(m.subject, m.fullName, m.role)).toList(),
                c.advisers.stream().map(a -> new CouncilRequest.AdviserRequest(a.name, a.organisation)).toList(), c.regulation,
                c.extraRounds.stream().map(e -> new CouncilRequest.ExtraRoundRequest(e.filesDueBy, e.decideBy)).toList(), c.version);
    }
}
