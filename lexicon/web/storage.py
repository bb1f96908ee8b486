"""Static files with hashed names (whitenoise), forgiving when collectstatic has not run:
a file missing from the manifest gets its plain URL (served by whitenoise from static/) instead
of turning every page into a 500."""
from whitenoise.storage import CompressedManifestStaticFilesStorage


class ForgivingManifestStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            return name
