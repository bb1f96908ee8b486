"""Error answers in the shape the reader asked for: JSON ``{"fout", "status"}`` under /api/
(lexicon.web.api), the site's own Dutch pages elsewhere, for every method and status."""
from django.shortcuts import render
from django.utils.translation import gettext as _


def is_api(request):
    return request.path.startswith("/api/") or request.path == "/api"


def csrf_failure(request, reason="", template_name=None):
    """CSRF_FAILURE_VIEW: the API's JSON error under /api/, the site's own Dutch page elsewhere."""
    if is_api(request):
        from lexicon.web.api import error

        return error(_("Verzoek geweigerd (CSRF-controle mislukt). Deze API is alleen-lezen: gebruik GET."), 403)
    return render(request, "403_csrf.html", status=403)
