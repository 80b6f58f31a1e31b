package vn.ocop.monitoring.evidence;

import jakarta.ws.rs.core.Response;

import vn.ocop.platform.files.FileContent;

/** The download response of an evidence file: its own content type, its name, and its SHA-256 (Repr-Digest, ETag). */
public final class EvidenceResponses {
    private EvidenceResponses() {
    }

    public static Response download(EvidenceService.Download download) {
        EvidenceView file = download.file();
        return FileContent.download(download.content(), file.contentType(), file.fileName(), file.sha256());
    }
}
