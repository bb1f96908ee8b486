"""Settings for pytest: the development settings (DEBUG=1 when the environment does not say
otherwise), so a test run needs no secret key and no HTTPS. pytest-django still runs every test
with DEBUG=False; the production defaults are tested by starting manage.py without DEBUG
(tests/web/test_security.py, tests/web/test_safe_defaults.py)."""
import os

os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: E402,F401,F403
