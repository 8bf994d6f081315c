"""Fuzzes /api/v1 of a running server against the OpenAPI document it serves.

Signs in through the real login form as the demo administrator, creates an API token on the
token page, and runs schemathesis with a fixed seed: every documented operation gets generated
valid and invalid inputs, and the run fails on a server error, an undocumented status code,
a response that does not match its schema, a wrong content type, or an invalid input accepted.
Business rules that no schema can express (a unit code that does not exist) are 4xx answers the
document lists, so they pass.

    LAMTHEOBAC_URL=http://127.0.0.1:8080 python3 Tests/APIFuzz/fuzz.py
"""

import os
import re
import subprocess
import sys

import requests

BASE = os.environ.get("LAMTHEOBAC_URL", "http://127.0.0.1:8080")
CHECKS = ",".join([
    "not_a_server_error",
    "status_code_conformance",
    "response_schema_conformance",
    "content_type_conformance",
    "negative_data_rejection",
])


def csrf(html):
    match = re.search(r'name="_csrf" value="([0-9a-f]+)"', html)
    if not match:
        sys.exit("no CSRF token on the page")
    return match.group(1)


def api_token():
    session = requests.Session()
    page = session.get(f"{BASE}/dang-nhap", timeout=10)
    session.post(f"{BASE}/dang-nhap", timeout=10, data={
        "_csrf": csrf(page.text), "username": "quantri", "password": "demo-lamtheobac"})
    tokens = session.get(f"{BASE}/khoa-api", timeout=10)
    created = session.post(f"{BASE}/khoa-api", timeout=10, data={"_csrf": csrf(tokens.text), "name": "fuzz"})
    match = re.search(r"ltb_[A-Za-z0-9_-]+", created.text)
    if not match:
        sys.exit(f"could not create an API token (status {created.status_code})")
    return match.group(0)


def main():
    token = api_token()
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{BASE}/api/v1/openapi.json",
        "--url", f"{BASE}/api/v1", "-H", f"Authorization: Bearer {token}",
        "--checks", CHECKS, "--max-examples", os.environ.get("FUZZ_EXAMPLES", "15"),
        "--seed", os.environ.get("FUZZ_SEED", "1"), "--no-color",
    ]
    result = subprocess.run(command)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
