"""Review as a conversation: requests with a reviewer and a note, comments on a draft or one of its
paragraphs, edit summaries, invitations for outside reviewers, scheduled publication, the dashboard.

Models keep the editorial app's label (``lexicon_editorial``); ``lexicon.editorial.models`` imports them.
"""
