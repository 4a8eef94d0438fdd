"""`bantin init`: a new site of its own, ready to build and deploy, written into an empty folder.

Every file of a new site is a template in `skeleton/` at the path it gets in the site (see
`skeleton.py` for the conventions), so a feature that needs a file in new sites adds one there.
"""
