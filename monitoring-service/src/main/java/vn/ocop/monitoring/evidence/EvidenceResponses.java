package vn.ocop.monitoring.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The download response of an evidence file: its own content type, its name, and its SHA-256 (Repr-Digest, ETag). */
public final class EvidenceResponses {
    private EvidenceResponses() {
    }

    public static Response download(EvidenceService.Download download) {
        EvidenceView file = download.file();
        return Response.ok(download.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":")
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .build();
    }
}
