// {{APP}} - field-level encryption for customer data columns.
// Owner: {{PARTNER}} platform security. Data keys come from KMS (envelope
// encryption); the database only ever sees AES-256-GCM ciphertext.
package com.{{IDENT}}.persistence.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    // Columns holding customer personal data must use this converter;
    // SchemaAudit fails the build when one is mapped without it.
    static final Set<String> ENCRYPTED_FIELDS = Set.of(
        "email", "phone", "date_of_birth", "tax_id", "iban", "street_address", "ip_address", "national_id");

    private final DataKeyProvider keys;

    public EncryptedStringConverter(DataKeyProvider keys) {
        this.keys = keys;
    }

    static boolean mustEncrypt(String column) {
        return ENCRYPTED_FIELDS.contains(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            // The key id as associated data: a ciphertext cannot be replayed under another key.
            cipher.updateAAD(keys.currentId().getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
            return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unencrypted value in an encrypted column");
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        try {
            SecretKey key = keys.byId(parts[0]);
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            byte[] ct = new byte[in.remaining()];
            in.get(ct);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(parts[0].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ct), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field decryption failed", e);
        }
    }

    {{VECTORS}}
}
