"""People's names the Dutch way: particles ("van der") do not count for sorting or initials."""

# Dutch name particles that do not count for sorting ("Van der Lans" sorts under L).
NAME_PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "te", "'t", "in", "op", "von", "la", "le", "du", "d'"}


def split_name(name):
    """'Jos van der Lans' -> ('Jos', 'van der', 'Lans'): given names, particles, surname."""
    parts = name.split()
    if len(parts) < 2:
        return "", "", name
    for i in range(1, len(parts) - 1):
        if parts[i].lower() in NAME_PARTICLES:
            j = i
            while j < len(parts) - 1 and parts[j].lower() in NAME_PARTICLES:
                j += 1
            return " ".join(parts[:i]), " ".join(parts[i:j]), " ".join(parts[j:])
    return " ".join(parts[:-1]), "", parts[-1]


def sort_name_for(name):
    """'Jos van der Lans' -> 'Lans, Jos van der' (Dutch convention: sorts under L)."""
    given, particles, surname = split_name(name)
    rest = " ".join(p for p in (given, particles) if p)
    return f"{surname}, {rest}" if rest else surname
