"""The review views in the admin (/beheer/redactie/, namespace ``review``); the guest page's single
URL (/meelezen/<token>/) is in config/urls.py, outside the admin."""
from django.urls import path

from lexicon.editorial.review import views

app_name = "review"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("lemma/<int:pk>/", views.lemma_review_view, name="lemma"),
    path("lemma/<int:pk>/uitnodigen/", views.invite_view, name="invite"),
    path("uitnodiging/<int:pk>/intrekken/", views.revoke_view, name="revoke"),
    path("lemmas.json", views.picker_view, name="picker"),
]
