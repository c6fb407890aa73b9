"""The MkDocs side of the knowledge base: a thin adapter over the engine.

plugin.py loads and checks the content once per build and hands MkDocs the
generated pages; macros.py gives hand-written pages live figures and lists.
This is the only code that would change with a different site generator.
"""
