"""Zist settings, driven by environment variables (see README "Configuration").

Small typed helpers read each variable and fail loudly on a bad value, so a typo in a
deployment shows at start-up rather than as odd behaviour later.
"""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from zist.core.requestlog import logging_config

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATA_DIR = Path(env_str("ZIST_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use ZIST_SECRET_KEY, else a key generated once and kept in the data dir."""
    if key := env_str("ZIST_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# Keys that are public (examples, placeholders, Django's insecure project template).
KNOWN_SECRET_KEYS = frozenset({"changeme", "change-me", "secret", "secret-key", "zist"})


def check_secret_key(key: str, debug: bool) -> None:
    """Refuse a guessable secret key outside debug: whoever knows it can forge sessions,
    password-reset links and signed cookies. The same rules as Django's own deploy check
    (security.W009), enforced at start-up instead of warned about."""
    if debug:
        return
    if (
        key.lower() in KNOWN_SECRET_KEYS
        or key.startswith("django-insecure")
        or len(key) < 50
        or len(set(key)) < 5
    ):
        raise ImproperlyConfigured(
            "ZIST_SECRET_KEY is too weak: it must be at least 50 random characters, not a "
            "known or example value. Generate one with "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`, or leave it "
            "unset to use the key generated in ZIST_DATA_DIR."
        )


SECRET_KEY = _secret_key()
DEBUG = env_bool("ZIST_DEBUG", False)
check_secret_key(SECRET_KEY, DEBUG)
ALLOWED_HOSTS = env_list("ZIST_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("ZIST_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "treebeard",
    "zist.core",
    "zist.users",
    "zist.organisations",
    "zist.attachments",
    "zist.jobs",
    "zist.sso",
    "djangosaml2",
]


def _git_index_paths(root: Path) -> set[str] | None:
    """The paths git's index holds (committed or staged) in the checkout at `root`, read
    from the index file itself rather than by running git; None when `root` is not a git
    checkout or its index is in a form not read here (version 4, split or sparse)."""
    git = root / ".git"
    try:
        if git.is_file():  # a linked worktree: the file says "gitdir: <path>"
            git = root / git.read_text().split(":", 1)[1].strip()
        data = (git / "index").read_bytes()
    except (OSError, IndexError):
        return None
    if data[:4] != b"DIRC" or int.from_bytes(data[4:8], "big") not in (2, 3):
        return None
    paths, offset = set(), 12
    for _entry in range(int.from_bytes(data[8:12], "big")):
        # 62 bytes of stat data, hash and flags (+2 extended flags), the path, then NULs
        # up to a multiple of 8 bytes.
        flags = int.from_bytes(data[offset + 60 : offset + 62], "big")
        start = offset + 62 + (2 if flags & 0x4000 else 0)
        end = data.index(b"\0", start)
        paths.add(data[start:end].decode("utf-8", "surrogateescape"))
        offset += (end - offset + 8) // 8 * 8
    while offset + 8 <= len(data) - 20:  # extensions, then the checksum
        if data[offset : offset + 4] in (b"link", b"sdir"):
            return None
        offset += 8 + int.from_bytes(data[offset + 4 : offset + 8], "big")
    return paths


def _domain_apps() -> list[str]:
    """Every other folder of zist/ with an apps.py is a domain app (a register family):
    adding one needs no edit here. Sorted, so the order is the same everywhere.

    In a git checkout, folders not yet in git's index are left out unless named in
    ZIST_APPS (comma-separated), so that a half-built app does not break runs of the
    rest. A clean clone (CI) or an installed package has no such folders and installs
    everything. See docs/decisions/0002-auto-discovered-apps.md.
    """
    import sys

    platform = {app.rsplit(".", 1)[-1] for app in INSTALLED_APPS if app.startswith("zist.")}
    names = [
        path.parent.name
        for path in sorted(BASE_DIR.glob("*/apps.py"))
        if path.parent.name not in platform | {"demo"}
    ]
    tracked = _git_index_paths(BASE_DIR.parent)
    if tracked is None:
        return [f"zist.{name}" for name in names]
    wanted = set(env_list("ZIST_APPS", []))
    skipped = [
        name for name in names if f"zist/{name}/apps.py" not in tracked and name not in wanted
    ]
    if skipped and env_bool("ZIST_WARN_UNCOMMITTED_APPS", True):
        sys.stderr.write(
            f"zist: not installing uncommitted apps {', '.join(skipped)} "
            "(set ZIST_APPS=name,... to include them)\n"
        )
    return [f"zist.{name}" for name in names if name not in skipped]


INSTALLED_APPS += [*_domain_apps(), "zist.demo"]

MIDDLEWARE = [
    # First: every later middleware's log lines carry the request id.
    "zist.core.requestlog.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "zist.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The SAML request's id, in a cookie of its own that the identity provider's
    # cross-site POST carries back (SameSite=None, so HTTPS only).
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "zist.users.sessions.SessionTimeoutMiddleware",
    "zist.core.middleware.RefusalLogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "zist.core.middleware.UserPreferencesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "zist.urls"
WSGI_APPLICATION = "zist.wsgi.application"
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "zist.users.backends.UserBackend",
    "zist.sso.oidc.OIDCBackend",
    "zist.sso.saml.SAMLBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "zist.core.context_processors.navigation",
            ],
            "builtins": ["zist.core.templatetags.zist"],
        },
    }
]


def _database() -> dict:
    """SQLite in the data dir by default; PostgreSQL when DATABASE_URL is set."""
    url = env_str("DATABASE_URL")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("ZIST_SQLITE_PATH") or DATA_DIR / "zist.sqlite3",
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(f"DATABASE_URL must be postgresql://…, not {parsed.scheme!r}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": env_int("ZIST_DB_CONN_MAX_AGE", 60),
        "OPTIONS": _planner_options(),
    }


def _planner_options() -> dict:
    """PostgreSQL's planner prices a random page read at 4× a sequential one, as on a
    spinning disk; on SSDs or with the data in memory (as here) it then scans a whole
    register and hash-joins it to a person's units rather than read her few rows through
    the unit index (15 ms against 1.7 ms at 100 000 actions). PostgreSQL's manual
    suggests 1.1 for SSDs; set per connection, so no server setting is needed
    (decision 0032). Empty leaves the server's own setting."""
    cost = env_str("ZIST_PG_RANDOM_PAGE_COST", "1.1")
    if not cost:
        return {}
    try:
        if float(cost) <= 0:
            raise ValueError
    except ValueError:
        raise ImproperlyConfigured(
            f"ZIST_PG_RANDOM_PAGE_COST must be a positive number, not {cost!r}"
        ) from None
    return {"options": f"-c random_page_cost={float(cost)}"}


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters (passphrases welcome; no composition rules).
    {
        "NAME": "zist.users.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Persian (right to left, Jalali), Danish, Finnish, English.
LANGUAGE_CODE = env_str("ZIST_LANGUAGE", "en")
LANGUAGES = [
    ("fa", _("Persian")),
    ("da", _("Danish")),
    ("fi", _("Finnish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["zist.formats"]
TIME_ZONE = env_str("ZIST_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The platform's own stylesheet, script and icon (zist/static/zist/) belong to no app.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "uploads"
# Uploads are served only by our own permission-checking view, never as static media.
MEDIA_URL = "/uploads-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app folders when collectstatic has not run (demo, tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

ZIST_ATTACHMENT_MAX_BYTES = env_int("ZIST_ATTACHMENT_MAX_MB", 20) * 1024 * 1024
# Spreadsheet imports: file size, rows, and what an XLSX (a zip) may unpack to.
ZIST_IMPORT_MAX_BYTES = env_int("ZIST_IMPORT_MAX_MB", 10) * 1024 * 1024
ZIST_IMPORT_MAX_ROWS = env_int("ZIST_IMPORT_MAX_ROWS", 20000)
ZIST_IMPORT_MAX_UNPACKED_BYTES = env_int("ZIST_IMPORT_MAX_UNPACKED_MB", 200) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The first handler stops keeping an uploaded file's bytes beyond the largest limit.
FILE_UPLOAD_HANDLERS = [
    "zist.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Authentication (docs/security.md). Login throttling: failed logins allowed per account
# (from browsers that never logged into it) and per client address in one window.
ZIST_LOGIN_MAX_FAILURES = env_int("ZIST_LOGIN_MAX_FAILURES", 5)
ZIST_LOGIN_CLIENT_MAX_FAILURES = env_int("ZIST_LOGIN_CLIENT_MAX_FAILURES", 20)
ZIST_LOGIN_LOCKOUT_MINUTES = env_int("ZIST_LOGIN_LOCKOUT_MINUTES", 15)
# Password reset by e-mail: the link's lifetime, and mails per hour per address/client.
PASSWORD_RESET_TIMEOUT = env_int("ZIST_PASSWORD_RESET_MINUTES", 60) * 60
ZIST_PASSWORD_RESET_MAX = env_int("ZIST_PASSWORD_RESET_MAX", 5)
# Sessions end after this long without a request, and this long after logging in
# whatever the activity (NIST SP 800-63B AAL2, ASVS 3.3.2: 30 minutes and 12 hours).
ZIST_SESSION_IDLE_MINUTES = env_int("ZIST_SESSION_IDLE_MINUTES", 30)
ZIST_SESSION_MAX_HOURS = env_int("ZIST_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = ZIST_SESSION_MAX_HOURS * 3600
# Days an API token lives unless its owner chooses otherwise (0: no limit).
ZIST_API_TOKEN_DAYS = env_int("ZIST_API_TOKEN_DAYS", 90)

# Single sign-on (zist.sso, decision 0016, docs/operations.md). OpenID Connect is on when
# the issuer and client id are set; the endpoints come from the issuer's discovery
# document unless given. People are matched by the directory's subject, then by verified
# e-mail, else get a new account without roles (active unless told otherwise).
ZIST_OIDC_ISSUER = env_str("ZIST_OIDC_ISSUER")
ZIST_OIDC_PROVIDER_NAME = env_str("ZIST_OIDC_PROVIDER_NAME", "OpenID Connect")
ZIST_OIDC_GROUPS_CLAIM = env_str("ZIST_OIDC_GROUPS_CLAIM", "groups")
OIDC_RP_CLIENT_ID = env_str("ZIST_OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env_str("ZIST_OIDC_CLIENT_SECRET")
OIDC_RP_SCOPES = env_str("ZIST_OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = env_str("ZIST_OIDC_SIGN_ALGO", "RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("ZIST_OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env_str("ZIST_OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env_str("ZIST_OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env_str("ZIST_OIDC_JWKS_ENDPOINT")
OIDC_VERIFY_SSL = env_bool("ZIST_OIDC_VERIFY_TLS", True)
OIDC_TIMEOUT = env_int("ZIST_OIDC_TIMEOUT_SECONDS", 10)
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:oidc_callback"
OIDC_CREATE_USER = True  # decided by ZIST_SSO_CREATE_USERS in zist.sso.accounts
# SAML 2.0 is on when the identity provider's metadata is given (a file, or an https://
# address); Zist's own metadata is served at /sso/saml/metadata/.
ZIST_SAML_IDP_METADATA = env_str("ZIST_SAML_IDP_METADATA")
ZIST_SAML_PROVIDER_NAME = env_str("ZIST_SAML_PROVIDER_NAME", "SAML")
ZIST_SAML_ENTITY_ID = env_str("ZIST_SAML_ENTITY_ID")
ZIST_SAML_KEY_FILE = env_str("ZIST_SAML_KEY_FILE")
ZIST_SAML_CERT_FILE = env_str("ZIST_SAML_CERT_FILE")
SAML_CONFIG_LOADER = "zist.sso.saml.config_loader"
SAML_SESSION_COOKIE_NAME = "zist_saml_session"
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_IGNORE_AUTHENTICATED_USERS_ON_LOGIN = True
SAML_CSP_HANDLER = ""  # Zist's own middleware sets the Content-Security-Policy
ACS_DEFAULT_REDIRECT_URL = "home"
# Roles from directory groups, as data: a JSON list of {"group", "role", "organisation",
# "unit" (a unit code; "root" for the whole organisation)}; checked at start-up.
ZIST_SSO_GROUP_ROLES = env_str("ZIST_SSO_GROUP_ROLES")
ZIST_SSO_CREATE_USERS = env_bool("ZIST_SSO_CREATE_USERS", True)
ZIST_SSO_MATCH_EMAIL = env_bool("ZIST_SSO_MATCH_EMAIL", True)
ZIST_SSO_NEW_USERS_ACTIVE = env_bool("ZIST_SSO_NEW_USERS_ACTIVE", True)
# Off: the login page offers only single sign-on, and password login, reset and change
# are refused (accounts made with `zist createsuperuser` still sign in through the
# directory, matched by e-mail).
ZIST_LOCAL_PASSWORDS = env_bool("ZIST_LOCAL_PASSWORDS", True)
if (
    not ZIST_LOCAL_PASSWORDS
    and not (ZIST_OIDC_ISSUER and OIDC_RP_CLIENT_ID)
    and not (ZIST_SAML_IDP_METADATA)
):
    raise ImproperlyConfigured(
        "ZIST_LOCAL_PASSWORDS=0 leaves nobody a way to log in: configure single sign-on "
        "(ZIST_OIDC_ISSUER, ZIST_OIDC_CLIENT_ID, ZIST_OIDC_CLIENT_SECRET, or "
        "ZIST_SAML_IDP_METADATA) first."
    )

# Security baseline. Secure cookies and HSTS need HTTPS in front of Zist; they default on
# outside debug, and `zist demo` turns them off because it serves plain HTTP on loopback.
ZIST_HTTPS = env_bool("ZIST_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = ZIST_HTTPS
CSRF_COOKIE_SECURE = ZIST_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = env_int("ZIST_HSTS_SECONDS", 31536000 if ZIST_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("ZIST_HSTS_INCLUDE_SUBDOMAINS", ZIST_HTTPS)
# Preloading is the domain owner's decision (hstspreload.org); production docs set it.
SECURE_HSTS_PRELOAD = env_bool("ZIST_HSTS_PRELOAD", False)
# Behind a proxy (the documented deployment) Zist trusts its X-Forwarded-Proto,
# -Host and -For (the client address, see zist.users.throttle.client_ip: the
# ZIST_PROXY_COUNT-th entry from the right), and sends plain-HTTP requests to HTTPS.
ZIST_BEHIND_PROXY = env_bool("ZIST_BEHIND_PROXY", False)
ZIST_PROXY_COUNT = env_int("ZIST_PROXY_COUNT", 1)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if ZIST_BEHIND_PROXY else None
USE_X_FORWARDED_HOST = ZIST_BEHIND_PROXY
SECURE_SSL_REDIRECT = env_bool("ZIST_SSL_REDIRECT", ZIST_HTTPS and ZIST_BEHIND_PROXY)

EMAIL_BACKEND = env_str("ZIST_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("ZIST_FROM_EMAIL", "zist@localhost")
EMAIL_HOST = env_str("ZIST_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("ZIST_EMAIL_PORT", 25)
# Reminders (`zist remind`): days before a due date at which to remind, and the address
# people reach Zist at, for links in e-mails.
ZIST_REMINDER_DAYS = ",".join(str(int(day)) for day in env_list("ZIST_REMINDER_DAYS", ["30", "7"]))
ZIST_BASE_URL = env_str("ZIST_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (zist.jobs, docs/operations.md). With ZIST_BROKER_URL (redis://… or
# amqp://…) jobs go to Celery workers (`celery -A zist worker`) and the schedule to
# `celery -A zist beat`; without it they run on ZIST_JOBS_THREADS threads of the Zist
# process itself, and the demo's server ticks the schedule.
ZIST_BROKER_URL = env_str("ZIST_BROKER_URL")
ZIST_JOBS_THREADS = env_int("ZIST_JOBS_THREADS", 2)
# The broker queue Zist's workers read (`celery -A zist worker -Q <it>`).
ZIST_JOBS_QUEUE = env_str("ZIST_JOBS_QUEUE", "zist")
# A running job not heard of for this long is taken to be dead (its worker killed): it
# may be run again. Also how long the broker waits before giving an unacknowledged job
# to another worker.
ZIST_JOBS_STALE_SECONDS = env_int("ZIST_JOBS_STALE_SECONDS", 3600)
# Imports of files larger than this run as a background job (0: always).
ZIST_IMPORT_BACKGROUND_BYTES = env_int("ZIST_IMPORT_BACKGROUND_KB", 256) * 1024
# A register list printed with more rows than this is rendered by a background job (the
# statement and the master plan always are; decision 0020).
ZIST_PDF_BACKGROUND_ROWS = env_int("ZIST_PDF_BACKGROUND_ROWS", 200)
# A choice of more records than this is typed, never a select (zist.core.lookups).
ZIST_LOOKUP_ABOVE = env_int("ZIST_LOOKUP_ABOVE", 200)
# An unfiltered list of a PostgreSQL table the planner estimates above this many rows
# shows "about N" instead of counting every row (zist.core.pagination).
ZIST_ESTIMATE_ABOVE = env_int("ZIST_ESTIMATE_ABOVE", 100_000)
# The file a PDF job rendered is deleted this many days after (nightly); asked for again,
# it is rendered anew.
ZIST_PDF_KEEP_DAYS = env_int("ZIST_PDF_KEEP_DAYS", 7)
# A CSV/XLSX export of a list with more rows than this is written by a background job
# and downloaded from the job's page (decision 0026); smaller ones are sent at once.
# The file is kept ZIST_PDF_KEEP_DAYS, as a PDF job's.
ZIST_EXPORT_BACKGROUND_ROWS = env_int("ZIST_EXPORT_BACKGROUND_ROWS", 20_000)
ZIST_NIGHTLY_HOUR = env_int("ZIST_NIGHTLY_HOUR", 2)
ZIST_SCHEDULE = [
    ("remind", "hourly"),
    ("refresh-objectives", "nightly"),
    ("forget-pdfs", "nightly"),
    ("readings-partitions", "nightly"),
]
CELERY_BROKER_URL = ZIST_BROKER_URL or "memory://"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": ZIST_JOBS_STALE_SECONDS}
CELERY_TASK_DEFAULT_QUEUE = ZIST_JOBS_QUEUE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {"zist-schedule": {"task": "zist.jobs.tick", "schedule": 60.0}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "zist.users.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["zist.core.api_defaults.RestrictedPermission"],
    "DEFAULT_PARSER_CLASSES": [
        "zist.core.api_defaults.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "zist.core.api_defaults.Pagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "zist.core.api_schema.ZistAutoSchema",
    "PAGE_SIZE": 50,
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zist API",
    "DESCRIPTION": "Environmental and crisis management: every register of Zist, with the "
    "same role-scoped permissions as the web interface. Authenticate with a session or "
    "with `Authorization: Token <key>` (create keys in your profile).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name across apps get names of their own.
    "ENUM_NAME_OVERRIDES": {
        "ComplianceResultEnum": "zist.obligations.models.Result",
        "ChecklistResultEnum": "zist.audits.models.ChecklistResult",
        "AssessmentResultEnum": "zist.training.models.Result",
        "IndicatorDirectionEnum": "zist.indicators.models.Direction",
        # Also the direction of a communication: the same internal/external choices.
        "InternalExternalEnum": "zist.context.models.Origin",
    },
}

# Logs (docs/operations.md): plain text, or one JSON object a line with
# ZIST_LOG_FORMAT=json; every line carries the request id (zist.core.requestlog).
# ZIST_ACCESS_LOG writes one line per request (on by default with JSON).
ZIST_LOG_FORMAT = env_str("ZIST_LOG_FORMAT", "text")
if ZIST_LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"ZIST_LOG_FORMAT must be text or json, not {ZIST_LOG_FORMAT!r}")
ZIST_ACCESS_LOG = env_bool("ZIST_ACCESS_LOG", ZIST_LOG_FORMAT == "json")
LOGGING = logging_config(ZIST_LOG_FORMAT, env_str("ZIST_LOG_LEVEL", "WARNING"), ZIST_ACCESS_LOG)

# The cache (the public portal's pages and throttle). Per process by default; several
# app servers share one with ZIST_CACHE_URL=redis://host:6379/N.
ZIST_CACHE_URL = env_str("ZIST_CACHE_URL")
if ZIST_CACHE_URL and not ZIST_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"ZIST_CACHE_URL must be redis://…, not {ZIST_CACHE_URL!r}")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ZIST_CACHE_URL,
            "KEY_PREFIX": "zist",
        }
        if ZIST_CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The proxy's health checks reach these over plain HTTP, even where HTTPS is enforced.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$"]
