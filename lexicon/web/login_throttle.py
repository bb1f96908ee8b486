"""A login throttle per account (across addresses) and per address (across accounts), on top of
django-axes' lockout per account *and* address.

Axes locks "this username from this address" after five failures. That leaves two attacks open:
many addresses trying one account, and one address trying every account. Here, once an account
(or an address) has had ``LOGIN_THROTTLE_*_FAILURES`` failed logins within the window, it may try
once per ``LOGIN_THROTTLE_DELAY`` seconds: a throttle, not a lock, so an attacker cannot lock an
editor out, but guessing drops to a couple of attempts a minute. Counts live in the shared cache
(all workers see them); a successful login clears its account's count.
"""
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse

from lexicon.web.client_ip import client_ip


def _keys(username, address):
    return [("account", f"login-throttle:account:{(username or '').strip().lower()[:150]}",
             settings.LOGIN_THROTTLE_ACCOUNT_FAILURES),
            ("address", f"login-throttle:address:{address}", settings.LOGIN_THROTTLE_ADDRESS_FAILURES)]


def _state(key):
    return cache.get(key) or {"failures": 0, "last": 0.0}


def throttled(username, address, now=None):
    """The wait in seconds before this login attempt is allowed (0: allowed now)."""
    now = now or time.time()
    wait = 0
    for _kind, key, limit in _keys(username, address):
        found = _state(key)
        if found["failures"] >= limit:
            wait = max(wait, settings.LOGIN_THROTTLE_DELAY - (now - found["last"]))
    return max(0, int(wait + 0.999))


def record_failure(username, address, now=None):
    now = now or time.time()
    for _kind, key, _limit in _keys(username, address):
        found = _state(key)
        cache.set(key, {"failures": found["failures"] + 1, "last": now}, settings.LOGIN_THROTTLE_WINDOW)


@receiver(user_login_failed, dispatch_uid="lexicon-login-throttle-failed")
def _failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_failure(credentials.get("username", ""), client_ip(request))


@receiver(user_logged_in, dispatch_uid="lexicon-login-throttle-ok")
def _logged_in(sender, request, user, **kwargs):
    cache.delete(_keys(user.get_username(), "")[0][1])


class LoginThrottleMiddleware:
    """Answers 429 with a Dutch page to a login POST that comes too soon after too many failures."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("admin:login"):
            wait = throttled(request.POST.get("username", ""), client_ip(request))
            if wait:
                response = render(request, "lexicon/login_throttled.html", {"wait": wait}, status=429)
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)
