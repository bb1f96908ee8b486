"""The editorial app's models: the suggestions keep the label ``lexicon`` (their table predates the
split); the review models (``review.models``) carry this app's label ``lexicon_editorial``."""
from .review.models import (  # noqa: F401
    EditSummary, Invitation, ReviewComment, ReviewRequest, ScheduledPublication,
)
from .suggestions.models import Suggestion  # noqa: F401
