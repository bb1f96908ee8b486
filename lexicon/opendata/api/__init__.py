"""Read-only JSON API: lemmas, clusters, authors and cross-references (published only).

Plain Django views returning JsonResponse, described by a hand-written OpenAPI 3.1
document (``openapi.py``) that the tests validate and compare with real responses.
"""
