package com.zorahai.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTests {

    static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aValueRoundTripsAndNeverLooksTheSameTwice() {
        FieldCipher cipher = new FieldCipher(DataKeys.of(key()));
        byte[] first = cipher.encrypt("M12345678", "row-1|passport_number");
        byte[] second = cipher.encrypt("M12345678", "row-1|passport_number");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("M12345678", "5678");
        assertThat(first).hasSize(FieldCipher.NONCE_BYTES + "M12345678".length() + 16);
        assertThat(cipher.decrypt(first, cipher.keyId(), "row-1|passport_number")).isEqualTo("M12345678");
        assertThat(cipher.encrypt(null, "x")).isNull();
        assertThat(cipher.decrypt(null, cipher.keyId(), "x")).isNull();
        assertThat(cipher.decrypt(cipher.encrypt("Zoë Ünal", "c"), cipher.keyId(), "c")).isEqualTo("Zoë Ünal");
    }

    @Test
    void aValueMovedToAnotherRowOrColumnOrAlteredDoesNotDecrypt() {
        FieldCipher cipher = new FieldCipher(DataKeys.of(key()));
        byte[] sealed = cipher.encrypt("Ana", "row-1|full_name");
        assertThatThrownBy(() -> cipher.decrypt(sealed, cipher.keyId(), "row-2|full_name"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Ana");
        assertThatThrownBy(() -> cipher.decrypt(sealed, cipher.keyId(), "row-1|passport_number"))
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(altered, cipher.keyId(), "row-1|full_name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], cipher.keyId(), "row-1|full_name"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rowsUnderAnOlderKeyStayReadableAfterARotation() {
        byte[] old = key();
        byte[] current = key();
        FieldCipher before = new FieldCipher(DataKeys.of(old));
        byte[] sealed = before.encrypt("Ana", "c");
        FieldCipher after = new FieldCipher(DataKeys.of(current, old));
        assertThat(after.keyId()).isNotEqualTo(before.keyId()).isEqualTo(DataKeys.idOf(current));
        assertThat(after.decrypt(sealed, before.keyId(), "c")).isEqualTo("Ana");
        FieldCipher forgotten = new FieldCipher(DataKeys.of(current));
        assertThatThrownBy(() -> forgotten.decrypt(sealed, before.keyId(), "c"))
                .hasMessageContaining("ZORAH_PREVIOUS_DATA_KEYS");
    }

    @Test
    void theKeyComesFromTheSettingOrAFileGeneratedOnce(@TempDir Path dir) throws Exception {
        byte[] configured = key();
        String base64 = Base64.getEncoder().encodeToString(configured);
        DataKeys fromSetting = DataKeys.from(new InvoicingProperties.DataKey(base64, dir.resolve("unused")
                .toString(), List.of()));
        assertThat(fromSetting.currentId()).isEqualTo(DataKeys.idOf(configured));
        assertThat(dir.resolve("unused")).doesNotExist();

        Path file = dir.resolve("keys/data-key");
        DataKeys generated = DataKeys.from(new InvoicingProperties.DataKey(null, file.toString(), null));
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        DataKeys again = DataKeys.from(new InvoicingProperties.DataKey(" ", file.toString(), List.of(" ")));
        assertThat(again.currentId()).isEqualTo(generated.currentId());

        DataKeys withPrevious = DataKeys.from(new InvoicingProperties.DataKey(base64, file.toString(),
                List.of(Files.readString(file))));
        assertThat(withPrevious.find(generated.currentId())).isPresent();
        assertThat(withPrevious.find("0000000000000000")).isEmpty();
    }

    @Test
    void aBadKeyStopsTheStartNamingThePropertyButNotTheValue(@TempDir Path dir) throws Exception {
        String file = dir.resolve("k").toString();
        assertThatThrownBy(() -> DataKeys.from(new InvoicingProperties.DataKey("not base64!", file, List.of())))
                .hasMessageContaining("ZORAH_DATA_KEY").hasMessageNotContaining("not base64!");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> DataKeys.from(new InvoicingProperties.DataKey(shortKey, file, List.of())))
                .hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> DataKeys.from(new InvoicingProperties.DataKey(Base64.getEncoder()
                .encodeToString(key()), file, List.of(shortKey)))).hasMessageContaining("ZORAH_PREVIOUS_DATA_KEYS");
        Files.writeString(dir.resolve("broken"), "short");
        assertThatThrownBy(() -> DataKeys.from(new InvoicingProperties.DataKey(null, dir.resolve("broken")
                .toString(), List.of()))).hasMessageContaining("data key file");
    }
}
