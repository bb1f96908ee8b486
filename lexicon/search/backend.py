"""Placeholder until the Dutch engine lands: haystack's stock Whoosh engine."""
from haystack.backends.whoosh_backend import WhooshEngine


class DutchWhooshEngine(WhooshEngine):
    pass
