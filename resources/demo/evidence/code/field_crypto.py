"""Field-level encryption for {{APP}} customer records.

Envelope encryption: a data key from AWS KMS encrypts fields with AES-256-GCM;
only the KMS-wrapped data key is stored. Owner: {{PARTNER}} platform security.
"""
from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from functools import lru_cache

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KMS_KEY_ID = os.environ.get("FIELD_KMS_KEY_ID", "alias/{{SLUG}}-customer-data")
PREFIX = "enc:v1:"

ENCRYPTED_FIELDS = frozenset({
    "email", "phone", "date_of_birth", "tax_id", "iban", "street_address", "ip_address", "national_id",
})


def must_encrypt(field: str) -> bool:
    return field.lower() in ENCRYPTED_FIELDS


@dataclass(frozen=True)
class DataKey:
    plaintext: bytes
    wrapped: bytes


@lru_cache(maxsize=1)
def _kms():
    return boto3.client("kms")


def new_data_key() -> DataKey:
    response = _kms().generate_data_key(KeyId=KMS_KEY_ID, KeySpec="AES_256")
    return DataKey(response["Plaintext"], response["CiphertextBlob"])


@lru_cache(maxsize=64)
def _unwrap(wrapped: bytes) -> bytes:
    return _kms().decrypt(CiphertextBlob=wrapped, KeyId=KMS_KEY_ID)["Plaintext"]


def encrypt_field(key: DataKey, record_id: str, field: str, value: str) -> str:
    nonce = os.urandom(12)
    # Record id and field name as associated data: someone with database
    # access cannot swap ciphertexts between rows or columns.
    aad = f"{record_id}:{field}".encode()
    ciphertext = AESGCM(key.plaintext).encrypt(nonce, value.encode("utf-8"), aad)
    wrapped = base64.b64encode(key.wrapped).decode()
    return f"{PREFIX}{wrapped}:{base64.b64encode(nonce + ciphertext).decode()}"


def decrypt_field(record_id: str, field: str, stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError(f"{field} of {record_id} is not encrypted")
    wrapped_b64, blob_b64 = stored[len(PREFIX):].split(":", 1)
    blob = base64.b64decode(blob_b64)
    key = _unwrap(base64.b64decode(wrapped_b64))
    return AESGCM(key).decrypt(blob[:12], blob[12:], f"{record_id}:{field}".encode()).decode("utf-8")


def protect_record(record: dict[str, object], record_id: str) -> dict[str, object]:
    key = new_data_key()
    return {
        name: encrypt_field(key, record_id, name, str(value)) if must_encrypt(name) and value is not None else value
        for name, value in record.items()
    }


{{VECTORS}}
