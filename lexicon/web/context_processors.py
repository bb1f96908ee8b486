from django.conf import settings


def site(request):
    return {"LEXICON": settings.LEXICON, "SITE_URL": settings.SITE_URL}
