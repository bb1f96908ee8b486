"""Import pipeline: seed text -> clean Markdown -> models and fixtures."""
