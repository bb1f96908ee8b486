"""manage.py nginx_config: the nginx server block that fronts the site (TLS, static, page cache).

The config is generated from the settings it depends on (cookie names, static files, the front
cache's lifetime) so that the proxy and Django agree on what may be cached; bench/pages.py and
tests/test_front_cache.py run nginx with exactly this output.
"""
import re
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

NGINX_NAME = re.compile(r"^[A-Za-z0-9_]+$")
ZONE = "lexicon"  # names nginx's cache zone, upstream and TLS session cache
UNSAFE = re.compile(r"[;{}'\"$#\\\t\n\r]")


def nginx_cookie_variable(cookie_name):
    """nginx exposes cookie NAME as $cookie_NAME; only letters, digits and _ survive in the name."""
    if not NGINX_NAME.match(cookie_name):
        raise CommandError(f"Cookienaam {cookie_name!r} kan nginx niet lezen; kies letters, cijfers en _.")
    return f"cookie_{cookie_name}"


def render_config(*, upstream, listen, server_name, cache_dir, tls_certificate=None, tls_key=None, http_listen="80"):
    if bool(tls_certificate) != bool(tls_key):
        raise CommandError("Geef --tls-certificate en --tls-key samen.")
    # Values land in nginx directives: no quoting, no second directive, no variables.
    values = [("upstream", upstream), ("listen", listen), ("server-name", server_name),
              ("cache-dir", cache_dir), ("http-listen", http_listen)]
    if tls_certificate:
        values += [("tls-certificate", tls_certificate), ("tls-key", tls_key)]
    for name, value in values:
        allowed_space = name == "server-name"  # several host names
        if not value or UNSAFE.search(value) or (not allowed_space and " " in value):
            raise CommandError(f"Ongeldige waarde voor --{name}: {value!r}")
    return render_to_string("deploy/nginx.conf", {
        "upstream": upstream,
        "listen": listen,
        "http_listen": http_listen,
        "server_name": server_name,
        "cache_dir": cache_dir,
        "zone": ZONE,
        "tls": bool(tls_certificate),
        "tls_certificate": tls_certificate,
        "tls_key": tls_key,
        "static_url": settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL,
        "static_root": str(Path(settings.STATIC_ROOT).resolve()),
        "session_cookie_var": nginx_cookie_variable(settings.SESSION_COOKIE_NAME),
        "messages_cookie_var": nginx_cookie_variable(CookieStorage.cookie_name),
        "front_seconds": getattr(settings, "FRONT_CACHE_SECONDS", 0),
        "generated_for": settings.SITE_URL,
    })


class Command(BaseCommand):
    help = "Schrijft de nginx-configuratie voor de site: TLS, statische bestanden en een korte paginacache."

    def add_arguments(self, parser):
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="adres van gunicorn (standaard 127.0.0.1:8000)")
        parser.add_argument("--listen", default=None, help="poort of adres:poort (standaard 443 met TLS, anders 80)")
        parser.add_argument("--http-listen", default="80", help="met TLS: poort die naar https doorverwijst")
        parser.add_argument("--server-name", default=None, help="hostnamen (standaard ALLOWED_HOSTS)")
        parser.add_argument("--cache-dir", default="/var/cache/nginx/lexicon", help="map voor nginx' paginacache")
        parser.add_argument("--tls-certificate", default=None, help="pad naar het certificaat (fullchain)")
        parser.add_argument("--tls-key", default=None, help="pad naar de sleutel")
        parser.add_argument("--output", "-o", default=None, help="schrijf naar dit bestand in plaats van stdout")

    def handle(self, *args, **options):
        tls = bool(options["tls_certificate"])
        server_name = options["server_name"] or " ".join(
            h for h in settings.ALLOWED_HOSTS if h not in ("testserver", "*") and not h.startswith("[")
        ) or "_"
        config = render_config(
            upstream=options["upstream"],
            listen=options["listen"] or ("443" if tls else "80"),
            http_listen=options["http_listen"],
            server_name=server_name,
            cache_dir=options["cache_dir"],
            tls_certificate=options["tls_certificate"],
            tls_key=options["tls_key"],
        )
        if options["output"]:
            try:
                Path(options["output"]).write_text(config)
            except OSError as error:
                raise CommandError(f"Kan {options['output']} niet schrijven: {error.strerror}.") from error
        else:
            self.stdout.write(config, ending="")
