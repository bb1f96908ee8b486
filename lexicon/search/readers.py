"""Questions asked of an open Whoosh reader, shared by the engine and the index health check."""


def live_frequency(reader, field, word):
    """Documents containing ``word`` that are not deleted. Whoosh's doc_frequency() and term
    lists still count a deleted document until its segment is merged away: an unpublished
    lemma's words would go on being suggested ("Bedoelde u ...?", autocomplete)."""
    if not reader.has_deletions():
        return reader.doc_frequency(field, word)
    try:
        return sum(1 for _ in reader.postings(field, word).all_ids())  # postings skip deleted docs
    except Exception:  # TermNotFound
        return 0
