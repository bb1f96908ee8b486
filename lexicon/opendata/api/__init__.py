"""Read-only JSON API: lemmas, clusters, authors and cross-references (published only).

django-ninja routes (``routes.py``) with declared response schemas (``schemas.py``), so the OpenAPI
document is generated from the code that serves it; mounted with the search routes in lexicon.web.api.
"""
