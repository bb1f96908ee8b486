"""Reading paths (leesroutes): ordered routes through lemmas and sections for a course or theme."""
