"""AWS Lambda handler behind Redshift's ``aegis_governance.f_aegis_pseudonym(varchar)`` (a Lambda UDF).

Redshift masking expressions and SQL UDFs cannot read a table, so a key kept in the cluster would have to
appear in DDL text (and in STL_QUERYTEXT / SYS_QUERY_TEXT). Instead the key stays in AWS Secrets Manager
(secret id in env ``AEGIS_PSEUDONYM_SECRET_ID``; SecretBinary, or SecretString as hex) and this function
computes HMAC-SHA-256 with Python's hmac, as 64 hex digits like every other engine's HMAC
(aegis.governance.pseudonym_key.hmac_sha256_hex); the SQL truncates it to the pseudonym, on every engine
alike (macros/governance/aegis_keyed_pseudonym.sql). Deploy it with only ``secretsmanager:GetSecretValue`` on that
secret; Redshift invokes it through the IAM role named in the external function.

Lambda UDF protocol: the event holds ``arguments`` (one list per row) and the reply is a JSON string
``{"success": true, "num_records": n, "results": [...]}``; an error reply carries ``error_msg`` without
any argument value (they are identifiers).
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from aegis.governance.pseudonym_key import hmac_sha256_hex


@lru_cache(maxsize=1)
def secret_key() -> bytes:
    """The key from Secrets Manager, fetched once per Lambda container."""
    client = importlib.import_module("boto3").client("secretsmanager")
    secret = client.get_secret_value(SecretId=os.environ["AEGIS_PSEUDONYM_SECRET_ID"])
    if secret.get("SecretBinary") is not None:
        return bytes(secret["SecretBinary"])
    return bytes.fromhex(str(secret["SecretString"]).strip())


def handler(event: dict[str, Any], context: Any, key_loader: Callable[[], bytes] = secret_key) -> str:
    try:
        key = key_loader()
        results = [
            None if row[0] is None else hmac_sha256_hex(key, str(row[0])) for row in event["arguments"]
        ]
    except Exception as error:  # the reply names the failure, never a value
        return json.dumps({"success": False, "error_msg": f"aegis pseudonym: {type(error).__name__}"})
    return json.dumps({"success": True, "num_records": len(results), "results": results})
