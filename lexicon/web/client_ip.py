"""The reader's address, for the suggestion rate limit and the admin login lockout.

Behind nginx (manage.py nginx_config) every request comes from the proxy's address; the proxy
passes the reader's in X-Real-IP. Set CLIENT_IP_HEADER=X-Real-IP only when gunicorn cannot be
reached except through that proxy, or anyone could pick their own address.
"""
import ipaddress

from django.conf import settings


def client_ip(request):
    """The address in settings.CLIENT_IP_HEADER when set and valid, else the socket's address."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        candidate = value.split(",")[0].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass  # missing or garbage: fall back to the peer, never fail the request
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"
