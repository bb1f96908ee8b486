import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Apply index work a killed worker left in the outbox; rebuild a missing index in the background.
from lexicon.search.heal import at_startup  # noqa: E402

at_startup()
