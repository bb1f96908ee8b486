"""E-mail settings from the environment (review notifications). Console by default, so nothing is
sent until configured; EMAIL_URL (``smtp://user:pass@host:587/?tls=True``, parsed by dj-email-url)
or EMAIL_HOST / EMAIL_PORT / EMAIL_HOST_USER / EMAIL_HOST_PASSWORD / EMAIL_USE_TLS / EMAIL_USE_SSL."""
import os

import dj_email_url

CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _bool(environ, name):
    return environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def email_settings(environ=os.environ):
    base = {
        "DEFAULT_FROM_EMAIL": environ.get("DEFAULT_FROM_EMAIL", "redactie@lexicon-nabijheid.invalid"),
        "EMAIL_SUBJECT_PREFIX": environ.get("EMAIL_SUBJECT_PREFIX", "[Lexicon] "),
    }
    if environ.get("EMAIL_URL"):
        parsed = dj_email_url.parse(environ["EMAIL_URL"])
        return {**base, **{key: value for key, value in parsed.items() if value is not None},
                "EMAIL_BACKEND": parsed.get("EMAIL_BACKEND") or SMTP}
    if environ.get("EMAIL_HOST"):
        return {
            **base, "EMAIL_BACKEND": SMTP, "EMAIL_HOST": environ["EMAIL_HOST"],
            "EMAIL_PORT": int(environ.get("EMAIL_PORT", "587")),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": _bool(environ, "EMAIL_USE_TLS") if "EMAIL_USE_TLS" in environ
            else not _bool(environ, "EMAIL_USE_SSL"),
            "EMAIL_USE_SSL": _bool(environ, "EMAIL_USE_SSL"), "EMAIL_TIMEOUT": 10,
        }
    return {**base, "EMAIL_BACKEND": environ.get("EMAIL_BACKEND", CONSOLE)}
