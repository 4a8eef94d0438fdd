"""Bản Tin's templates, partials, stylesheets, scripts, logo and Vietnamese strings.

This folder is the repository's top-level `theme/`, shipped inside the package as `bantin.theme`
(setup.py maps the package to this folder), so every site reaches it through the installed
package: `bantin.engine.themepath` puts it on the template search path between the site's own
`theme/` and Material's. An editable install maps the package to this very folder, so edits show
at the next build. MkDocs never copies this file into a site (theme `*.py` files are skipped).
"""
