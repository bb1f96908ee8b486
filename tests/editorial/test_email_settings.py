"""E-mail configuration from the environment: console by default, SMTP by EMAIL_URL or EMAIL_HOST."""
from config.email import CONSOLE, SMTP, email_settings


def test_console_backend_by_default():
    assert email_settings({})["EMAIL_BACKEND"] == CONSOLE


def test_email_url_configures_smtp():
    conf = email_settings({"EMAIL_URL": "smtp://redactie:geheim@mail.example.org:587/?tls=True",
                           "DEFAULT_FROM_EMAIL": "redactie@example.org"})
    assert conf["EMAIL_BACKEND"] == SMTP and conf["EMAIL_HOST"] == "mail.example.org" and conf["EMAIL_PORT"] == 587
    assert conf["EMAIL_HOST_USER"] == "redactie" and conf["EMAIL_HOST_PASSWORD"] == "geheim"
    assert conf["EMAIL_USE_TLS"] is True and conf["DEFAULT_FROM_EMAIL"] == "redactie@example.org"


def test_email_host_variables_configure_smtp():
    conf = email_settings({"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "465", "EMAIL_USE_SSL": "true"})
    assert conf["EMAIL_BACKEND"] == SMTP and conf["EMAIL_PORT"] == 465
    assert conf["EMAIL_USE_SSL"] is True and conf["EMAIL_USE_TLS"] is False
