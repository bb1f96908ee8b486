"""Short codes for the URL a lecturer hands to students (/r/<code>/): easy to type and read aloud."""
import secrets

# No 0/o, 1/l/i: a code copied from a slide or a whiteboard is still right.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LENGTH = 6


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code):
    """A code as typed ('AB3-XYZ', ' ab3xyz ') in its stored form."""
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())
