"""What helps a reader choose and keep reading: leads shortened for lists, the lemma body
prepared for reading (notes heading, readable link text), previews of links and notes, and
related lemmas (cross-references, cluster, content similarity with the editors' pins)."""
