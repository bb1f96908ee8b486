"""Settings, all from the environment (12-factor); defaults give a working local site.

DATABASE_URL   default: SQLite file db.sqlite3 in the project
SECRET_KEY     required when DEBUG is off
SECRET_KEY_FILE  a file holding the secret key (`make run` generates var/secret_key once)
DEBUG          "1"/"true" for development only (`make dev`); default off: a forgotten variable
               never shows debug pages
SECURE_SSL_REDIRECT, SECURE_COOKIES  "0" for plain-http serving on your own machine (`make run`)
ALLOWED_HOSTS  comma separated
SEARCH_BACKEND "whoosh" (default) or "elasticsearch" (see README)
CACHE_URL      shared cache for rendered pages: redis://127.0.0.1:6379/1 (also read from REDIS_URL),
               file:///path, db://table or locmem:// (default: files under var/cache)
PAGE_CACHE     "0" switches the public page cache off (default on)
STORED_FRAGMENTS     "0": render every part of a page on every request (default on; benchmarks)
SEARCH_RESULTS_MEMO  "0": ask the search engine again for a repeated search (default on; benchmarks)
FRONT_CACHE_SECONDS  how long nginx in front (`manage.py nginx_config`) may serve a stored page
               before asking Django again (default 1; 0: nginx stores nothing)
STATIC_ROOT    where collectstatic writes (default: staticfiles/ in the project)
CLIENT_IP_HEADER  behind the proxy: the header with the reader's address ("X-Real-IP" with
               `manage.py nginx_config`); unset: the socket's address (lexicon.web.client_ip)
"""
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and os.environ.get("SECRET_KEY_FILE"):
    SECRET_KEY = Path(os.environ["SECRET_KEY_FILE"]).read_text(encoding="utf-8").strip()
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The packages of lexicon/, each a Django app; only content's label is "lexicon" (its tables).
    "lexicon.content",
    "lexicon.editorial",
    "lexicon.importer",
    "lexicon.literature",
    # Before haystack: its update_index command (lexicon/search/management/commands) extends haystack's.
    "lexicon.search",
    "haystack",
    "lexicon.opendata",
    "lexicon.exports",  # the book as PDF/EPUB and the offline web app
    "lexicon.reading",
    "lexicon.routes",
    "lexicon.web",
    "lexicon.backup",
    "reversion",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # First: a cached page for an anonymous reader skips everything below (lexicon.web.caching).
    "lexicon.web.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag/Last-Modified -> 304 for pages rendered now (the page cache answers them for its hits).
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Too many failed logins for one account (any address) or from one address: slow down.
    "lexicon.web.login_throttle.LoginThrottleMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a login attempt for a locked-out username/IP before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "lexicon.web.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers writing at once: take the write lock when a transaction starts and
    # wait for it (a deferred transaction that must upgrade fails at once with "database is locked",
    # seen in bench/load.py); WAL lets readers go on while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url):
    """One shared cache for all gunicorn workers (the page cache's content generation lives here)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "lexicon.web.caching.RedisCache", "LOCATION": url,  # Django's, reusing its client
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lexicon")}
    if url.startswith("db://"):
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": url[5:] or "lexicon_cache"}
    if url.startswith("locmem://"):  # per process: only for a single-process server or tests
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    path = url[len("file://"):] if url.startswith("file://") else str(BASE_DIR / "var" / "cache")
    return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": path,
            "OPTIONS": {"MAX_ENTRIES": 20000}}


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or "")}
# Public page cache (lexicon.web.caching): invalidated on every content save; the timeout only bounds
# how long a change made past the ORM (raw SQL, a restore) can stay unseen.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", 600))
# Parts of pages stored once per content generation (lexicon.web.fragments), and the answers of
# repeated searches per index generation (lexicon.search.queries): both on outside benchmarks.
STORED_FRAGMENTS = env_bool("STORED_FRAGMENTS", default=True)
SEARCH_RESULTS_MEMO = env_bool("SEARCH_RESULTS_MEMO", default=True)
# nginx in front (manage.py nginx_config) keeps the pages Django's page cache stores for this many
# seconds (X-Accel-Expires): readers see a save at most this (+1, nginx counts whole seconds) late;
# editors (session cookie) at once.
FRONT_CACHE_SECONDS = int(os.environ.get("FRONT_CACHE_SECONDS", 1))

# The book as files (lexicon.exports): built files live under EXPORTS_DIR, one folder per content
# version. EXPORTS_BUILD: "process" (a background `manage.py build_exports` after a publish),
# "thread" (in the web process) or "off" (only the command builds them).
EXPORTS_DIR = Path(os.environ.get("EXPORTS_DIR") or BASE_DIR / "var" / "exports")
EXPORTS_BUILD = os.environ.get("EXPORTS_BUILD", "process")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "lexicon" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "lexicon.web.storage.ForgivingManifestStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Without collectstatic, whitenoise serves static/ itself and the plain URLs are used.
WHITENOISE_USE_FINDERS = True

# Search: haystack with a Dutch Whoosh engine by default.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "whoosh")
WHOOSH_INDEX_PATH = os.environ.get("WHOOSH_INDEX_PATH", str(BASE_DIR / "var" / "whoosh_index"))
if SEARCH_BACKEND == "elasticsearch":
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
            "URL": os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200/"),
            "INDEX_NAME": os.environ.get("ELASTICSEARCH_INDEX", "lexicon"),
            "INCLUDE_SPELLING": True,  # "Bedoelde u ...?"
        }
    }
else:
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "lexicon.search.backend.DutchWhooshEngine",
            "PATH": WHOOSH_INDEX_PATH,
        }
    }
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 10
# Index updates after commit, serialized across worker processes (lexicon.search.signals).
HAYSTACK_SIGNAL_PROCESSOR = "lexicon.search.signals.LockedSignalProcessor"

# Production hardening; `DEBUG=0 SECRET_KEY=... manage.py check --deploy` is clean.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
# A failed CSRF check under /api/ answers in the API's JSON error shape (lexicon.web.errors).
CSRF_FAILURE_VIEW = "lexicon.web.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4): the site runs no inline script and no inline style;
# JSON-LD <script type="application/ld+json"> is a data block, not executed, so script-src does not apply.
# No nonces: they would make every response unique and defeat the page cache.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# django-axes: 5 failed logins for one username from one address lock it for an hour.
# Keyed on username+address, so even behind a proxy without CLIENT_IP_HEADER (one address for all)
# readers never lock each other out.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 1))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lexicon/lockout.html"
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
# On top of that lockout (lexicon.web.login_throttle): many failures for one account from any
# addresses, or from one address for any accounts, slow that account or address down to one
# attempt per LOGIN_THROTTLE_DELAY seconds (a throttle, not a lock: the owner can still get in).
LOGIN_THROTTLE_ACCOUNT_FAILURES = int(os.environ.get("LOGIN_THROTTLE_ACCOUNT_FAILURES", 20))
LOGIN_THROTTLE_ADDRESS_FAILURES = int(os.environ.get("LOGIN_THROTTLE_ADDRESS_FAILURES", 30))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("LOGIN_THROTTLE_WINDOW", 15 * 60))  # seconds
LOGIN_THROTTLE_DELAY = int(os.environ.get("LOGIN_THROTTLE_DELAY", 30))  # seconds
# The reader's address for the lockout and the suggestion rate limit (lexicon.web.client_ip).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "lexicon.web.client_ip.client_ip"
RATELIMIT_IP_META_KEY = "lexicon.web.client_ip.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

LEXICON = {
    "TITLE": "Lexicon nabijheid en sociaal werk",
    "YEAR": 2022,
    # Editors in citation order, "Given Surname" as they appear after "In" in APA 7.
    "EDITORS": [
        "L. Veldboer", "R. Engbersen", "E. Hooghiemstra", "J. Jansen",
        "L. Koeter", "L. Repetur", "J. Rözer", "A. Sprinkhuizen",
    ],
    "PUBLISHER": "Werkplaatsen Sociaal Domein & Movisie",
}

# E-mail (review notifications): console backend unless EMAIL_URL or EMAIL_HOST is set (config/email.py).
from config.email import email_settings  # noqa: E402

globals().update(email_settings())
