"""The MkDocs side of the knowledge base, and the only code that knows MkDocs.

plugin.py  the build's events: check the content once, add a page per entry
           and the files beside the pages, read each page for the search
           index and write it last (the `spets` plugin in mkdocs.yml);
pages.py   the macros that hand-written pages in docs/ may call, handed to
           mkdocs-macros with its register_macros(), so that the order of
           the two plugins in mkdocs.yml does not matter.

Everything else is the engine, spets/, which does not import MkDocs: a move
to another site generator rewrites this folder only.
"""
