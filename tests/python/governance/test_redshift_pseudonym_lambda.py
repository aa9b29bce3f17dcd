"""The Redshift Lambda UDF gives the same HMAC-SHA-256 as Python's hmac (and so as DuckDB and PostgreSQL),
whose first 32 hex digits are the pseudonym, keeps NULLs, and never echoes a value or the key in an error."""

from __future__ import annotations

import hashlib
import hmac
import json

from aegis.governance.pseudonym_key import pseudonym
from aegis.governance.redshift_pseudonym_lambda import handler

KEY = bytes(range(32))


def _hmac(value: str) -> str:
    return hmac.new(KEY, value.encode("utf-8"), hashlib.sha256).hexdigest()


def test_lambda_returns_hmacs_in_row_order() -> None:
    event = {"arguments": [["MRN-0001"], [None], ["é漢字"]], "num_records": 3}
    reply = json.loads(handler(event, None, key_loader=lambda: KEY))
    assert reply == {"success": True, "num_records": 3, "results": [_hmac("MRN-0001"), None, _hmac("é漢字")]}
    # the SQL's left(..., 32) of that is the pseudonym every engine gives
    assert reply["results"][0][:32] == pseudonym(KEY, "MRN-0001")


def test_lambda_error_names_no_value_and_no_key() -> None:
    def broken() -> bytes:
        raise KeyError("AEGIS_PSEUDONYM_SECRET_ID")

    reply = handler({"arguments": [["MRN-0001"]]}, None, key_loader=broken)
    assert json.loads(reply) == {"success": False, "error_msg": "aegis pseudonym: KeyError"}
    assert "MRN-0001" not in reply
