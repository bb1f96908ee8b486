"""One error type for bad input, for the book and the related texts: names the file and, where known, the line."""


class ImportFailed(Exception):
    def __init__(self, path, line, message):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}, regel {line}" if line else self.path
        super().__init__(f"{where}: {message}")
