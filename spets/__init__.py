"""SPETS knowledge base engine: load → check → index → render, with no MkDocs import.

The MkDocs side lives in macros/ and only calls into this package.
"""
