"""A real SAML 2.0 identity provider for the tests: pysaml2's own IdP (`saml2.server.
Server`) behind a small WSGI app on a free loopback port, with a key and self-signed
certificate made for the run. It takes the AuthnRequest by HTTP-Redirect, shows a
sign-in page that checks a password, and posts a signed assertion (persistent NameID,
mail/givenName/sn/uid) to the service provider's assertion consumer."""

from __future__ import annotations

import datetime as dt
import html
import secrets
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

import saml2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2.authn_context import PASSWORD
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from zist.sso.tests.provider import _unavailable


def self_signed(folder: Path, name: str) -> tuple[str, str]:
    """A fresh RSA key and a certificate for it, valid for a day; their file paths."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = folder / f"{name}.key", folder / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


class IdentityProvider:
    """The IdP's pages. `accounts` maps a login to {"password": …, "attributes": {…}}."""

    def __init__(self, folder: Path, accounts: dict):
        self.folder = folder
        self.accounts = accounts
        self.pending: dict[str, tuple] = {}
        self.server = make_server("localhost", 0, self, handler_class=_Quiet)
        self.base = f"http://localhost:{self.server.server_port}"
        self.key, self.cert = self_signed(folder, "idp")
        self.entity_id = f"{self.base}/metadata"
        self.metadata_path = folder / "idp-metadata.xml"
        self.metadata_path.write_text(str(entity_descriptor(self._config(None))))
        self.idp: Server | None = None

    def _config(self, sp_metadata: str | None) -> IdPConfig:
        config = IdPConfig()
        config.load(
            {
                "entityid": self.entity_id,
                "xmlsec_binary": shutil.which("xmlsec1"),
                "key_file": self.key,
                "cert_file": self.cert,
                "metadata": {"local": [sp_metadata]} if sp_metadata else {},
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [
                                (f"{self.base}/sso", saml2.BINDING_HTTP_REDIRECT)
                            ]
                        },
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": 15},
                                "name_form": saml2.saml.NAME_FORMAT_URI,
                            }
                        },
                    }
                },
            }
        )
        return config

    def trust(self, sp_metadata_xml: str) -> None:
        """Know the service provider (its metadata), and start answering."""
        path = self.folder / "sp-metadata.xml"
        path.write_text(sp_metadata_xml)
        self.idp = Server(config=self._config(str(path)))

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/favicon.ico":  # the pages pysaml2 writes name no icon
            start_response("204 No Content", [])
            return [b""]
        if path == "/sso" and environ["REQUEST_METHOD"] == "GET":
            query = {k: v[0] for k, v in parse_qs(environ["QUERY_STRING"]).items()}
            request = self.idp.parse_authn_request(
                query["SAMLRequest"], saml2.BINDING_HTTP_REDIRECT
            )
            ticket = secrets.token_urlsafe(16)
            self.pending[ticket] = (request, query.get("RelayState", ""))
            return self._page(start_response, self._sign_in(ticket))
        if path == "/login" and environ["REQUEST_METHOD"] == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
            ticket, login = form.get("ticket", ""), form.get("login", "")
            if ticket not in self.pending:
                return self._page(start_response, "<p>Unknown request.</p>", "400 Bad Request")
            account = self.accounts.get(login)
            if account is None or account["password"] != form.get("password"):
                return self._page(start_response, self._sign_in(ticket, "Wrong password."))
            request, relay_state = self.pending.pop(ticket)
            return self._page(start_response, self._answer(request, relay_state, login, account))
        return self._page(start_response, "<p>Not found.</p>", "404 Not Found")

    def _answer(self, request, relay_state: str, login: str, account: dict) -> str:
        args = self.idp.response_args(request.message, [saml2.BINDING_HTTP_POST])
        response = self.idp.create_authn_response(
            account["attributes"],
            userid=login,
            name_id=NameID(
                format=NAMEID_FORMAT_PERSISTENT,
                name_qualifier=self.entity_id,
                sp_name_qualifier=args["sp_entity_id"],
                text=account.get("name_id", login),
            ),
            authn={"class_ref": PASSWORD, "authn_auth": self.entity_id},
            sign_assertion=True,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
            **args,
        )
        http = self.idp.apply_binding(
            saml2.BINDING_HTTP_POST,
            str(response),
            args["destination"],
            relay_state,
            response=True,
        )
        return http["data"]

    @staticmethod
    def _sign_in(ticket: str, error: str = "") -> str:
        alert = f'<p role="alert">{html.escape(error)}</p>' if error else ""
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,"><title>Staff directory</title></head><body>'
            f"<h1>Staff directory</h1>{alert}"
            '<form method="post" action="/login">'
            f'<input type="hidden" name="ticket" value="{html.escape(ticket)}">'
            '<label>Username <input name="login"></label>'
            '<label>Password <input name="password" type="password"></label>'
            '<button type="submit">Sign in</button></form></body></html>'
        )

    @staticmethod
    def _page(start_response, body: str, status: str = "200 OK"):
        start_response(status, [("Content-Type", "text/html; charset=utf-8")])
        return [body.encode()]


def identity_provider(folder: Path, accounts: dict) -> IdentityProvider:
    """An IdP (not yet serving). Without xmlsec1 the test is skipped, except where
    ZIST_REQUIRE_SSO=1 (CI) makes that a failure."""
    if shutil.which("xmlsec1") is None:
        _unavailable("xmlsec1 is missing (apt-get install xmlsec1)")
    return IdentityProvider(folder, accounts)


@contextmanager
def saml_idp(folder: Path, accounts: dict):
    """A running IdP (before `trust()` it serves nothing useful)."""
    provider = identity_provider(folder, accounts)
    thread = threading.Thread(target=provider.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        provider.server.shutdown()
        provider.server.server_close()
