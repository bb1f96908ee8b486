"""``{% stored "name" value ... %}...{% endstored %}``: the enclosed part rendered once per content
generation and per set of values (lexicon.web.fragments), e.g. a lemma's article for each
(pk, save time). The content generation is read once per page, not once per fragment. A view
sets ``store_fragments`` to False when a page must be rendered every time."""
from django import template

from lexicon.web import fragments

register = template.Library()


class StoredNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        if not fragments.enabled() or context.get("store_fragments") is False:
            return self.nodelist.render(context)
        memo = context.render_context
        if "fragment_generation" not in memo:
            memo["fragment_generation"] = fragments.generation()
        if memo["fragment_generation"] is None:
            return self.nodelist.render(context)
        parts = [context.template.name if context.template else "", self.name.resolve(context)]
        parts += [value.resolve(context) for value in self.values]
        return fragments.fetch(parts, lambda: self.nodelist.render(context), memo["fragment_generation"])


@register.tag("stored")
def do_stored(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% stored %} needs a name")
    nodelist = parser.parse(("endstored",))
    parser.delete_first_token()
    return StoredNode(parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], nodelist)
