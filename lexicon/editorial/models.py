"""The editorial app's models (label ``lexicon`` for the suggestions, whose table predates the split)."""
from .suggestions.models import Suggestion  # noqa: F401
