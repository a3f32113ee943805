"""A small OpenID Connect identity provider on loopback, for testing single sign-on.

It plays NHS CIS2's part in the authorisation code flow: ``/authorize`` remembers the
state, nonce and PKCE challenge and answers with a code for the person it was told to
sign in; ``/token`` checks the client's secret, the code and the PKCE verifier and
returns an RS256-signed ID token; ``/userinfo`` and ``/jwks`` answer as a provider's do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


class FakeIdentityProvider:
    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key-1"
        # Who signs in next, as the provider would know them, and at what level.
        self.person: dict[str, Any] = {"sub": "555000111222", "email": "", "acr": "AAL2_OR_ABOVE"}
        self.requests: list[dict[str, str]] = []
        self._codes: dict[str, dict[str, str]] = {}
        self._tokens: dict[str, dict[str, Any]] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def settings(self) -> dict[str, Any]:
        """The Django settings that point Coproduce at this provider."""
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.base_url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.base_url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.base_url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.base_url}/jwks",
        }

    def __enter__(self) -> FakeIdentityProvider:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _jwk(self) -> dict[str, str]:
        numbers = self.key.public_key().public_numbers()

        def b64(n: int) -> str:
            raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        return {
            "kty": "RSA",
            "kid": self.kid,
            "use": "sig",
            "alg": "RS256",
            "n": b64(numbers.n),
            "e": b64(numbers.e),
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                idp.requests.append({"path": url.path, **query})
                if url.path == "/authorize":
                    code = secrets.token_urlsafe(16)
                    idp._codes[code] = query
                    answer = urlencode({"code": code, "state": query["state"]})
                    target = f"{query['redirect_uri']}?{answer}"
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif url.path == "/jwks":
                    self._json(200, {"keys": [idp._jwk()]})
                elif url.path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    if token not in idp._tokens:
                        self._json(401, {"error": "invalid_token"})
                        return
                    claims = idp._tokens[token]
                    self._json(200, {"sub": claims["sub"], "email": claims["email"]})
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                idp.requests.append({"path": self.path, **form})
                if self.path != "/token":
                    self._json(404, {"error": "not_found"})
                    return
                if (form.get("client_id"), form.get("client_secret")) != (
                    idp.client_id,
                    idp.client_secret,
                ):
                    self._json(401, {"error": "invalid_client"})
                    return
                asked = idp._codes.pop(form.get("code", ""), None)
                if asked is None:
                    self._json(400, {"error": "invalid_grant"})
                    return
                verifier = form.get("code_verifier", "")
                challenge = (
                    base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
                    .rstrip(b"=")
                    .decode()
                )
                if challenge != asked.get("code_challenge"):
                    self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
                    return
                now = int(time.time())
                claims = {
                    "iss": idp.base_url,
                    "aud": idp.client_id,
                    "iat": now,
                    "exp": now + 300,
                    "nonce": asked.get("nonce"),
                    **idp.person,
                }
                id_token = jwt.encode(claims, idp.key, algorithm="RS256", headers={"kid": idp.kid})
                access_token = secrets.token_urlsafe(24)
                idp._tokens[access_token] = claims
                self._json(
                    200,
                    {
                        "access_token": access_token,
                        "id_token": id_token,
                        "token_type": "Bearer",
                        "expires_in": 300,
                    },
                )

        return Handler
