"""Helpers for the editorial tests: users in the editor roles, and submitting admin forms the way
a browser does (every field as rendered, then the changes a person makes)."""
from html.parser import HTMLParser

from django.contrib.auth.models import Group, User

from lexicon.editorial import workflow as editorial


def make_user(username, group=None, *, staff=True, password=None):
    """Tests log in with force_login; a password (slow to hash) only when a browser types it."""
    user = User(username=username, email=f"{username}@example.org", is_staff=staff)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    if group:
        if not Group.objects.filter(name=group).exists():  # flushed by a transactional test
            editorial.ensure_editor_groups()
        user.groups.add(Group.objects.get(name=group))
    return user


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.in_form, self.data = form_id, False, {}
        self._textarea = self._select = None
        self._option_value = None
        self._select_first = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file", "image"):
                self.data[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
                self.data.setdefault(self._select, value)
            if "selected" in a:
                self.data[self._select] = value

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline Django puts right after <textarea>.
            if self.data[self._textarea].startswith("\n"):
                self.data[self._textarea] = self.data[self._textarea][1:]
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(response, form_id="lemma_form"):
    """The POST data a browser would send for the form as rendered in ``response``."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    return parser.data
