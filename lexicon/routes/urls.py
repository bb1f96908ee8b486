"""Route URLs, included in the public namespace (names ``lexicon:routes``, ``lexicon:route`` ...)."""
from django.urls import path

from lexicon.routes import views

urlpatterns = [
    path("leesroutes/", views.route_list, name="routes"),
    path("leesroutes/<slug:slug>/", views.route_detail, name="route"),
    path("leesroutes/<slug:slug>/lezen/", views.route_reader, name="route_reader"),
    path("leesroutes/<slug:slug>/stap/<int:number>/", views.step_redirect, name="route_step"),
    path("leesroutes/<slug:slug>/leeslijst.txt", views.reading_list_text, name="route_list_text"),
    path("leesroutes/<slug:slug>/leeslijst.ris", views.reading_list_ris, name="route_list_ris"),
    path("leesroutes/<slug:slug>/leeslijst.bib", views.reading_list_bibtex, name="route_list_bibtex"),
    path("r/<str:code>/", views.short_redirect, name="route_short"),
]
