"""`runstrong serve`: the local web app (FastAPI, Jinja2 templates, htmx) over the diary.

Imported only by the serve command and the tests, so `runstrong --help` never pays for it.
"""
