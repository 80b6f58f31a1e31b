package vn.ocop.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentTest {

    @Test
    void theTypeComesFromTheFirstBytesNotFromTheName() {
        assertThat(FileContent.sniff("%PDF-1.7".getBytes())).contains("application/pdf");
        assertThat(FileContent.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})).contains("image/png");
        assertThat(FileContent.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).contains("image/jpeg");
        assertThat(FileContent.sniff("MZ\0\0".getBytes())).isEmpty();
        assertThat(FileContent.looksLike("application/pdf", "MZ\0\0".getBytes())).isFalse();
        assertThat(FileContent.looksLike("image/jpeg", "%PDF-1.7".getBytes())).isFalse();
        assertThat(FileContent.mediaType("Image/PNG; charset=binary")).isEqualTo("image/png");
        assertThat(FileContent.mediaType(null)).isEmpty();
    }

    @Test
    void filesInTheStorageDirectoryAreNamedByTheirChecksumAndWrittenOnce(@TempDir Path dir) throws IOException {
        byte[] pdf = "%PDF-1.4 hồ sơ".getBytes(StandardCharsets.UTF_8);
        String sha = FileContent.sha256(pdf);
        FileContent.store(dir, sha, pdf);
        FileContent.store(dir, sha, pdf);
        assertThat(FileContent.read(dir, sha)).isEqualTo(pdf);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1); // no leftover temporary file
        }
        assertThat(sha).hasSize(64);
    }

    @Test
    void aDownloadCarriesTheChecksumAndAnEncodedFileName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        var response = FileContent.download(png, "image/png", "ảnh gói tỏi.png", FileContent.sha256(png));
        assertThat(response.getHeaderString("Content-Disposition")).isEqualTo(
                "attachment; filename*=UTF-8''%E1%BA%A3nh%20g%C3%B3i%20t%E1%BB%8Fi.png");
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"" + FileContent.sha256(png) + "\"");
        assertThat(response.getHeaderString("Repr-Digest")).startsWith("sha-256=:").endsWith(":");
    }
}
