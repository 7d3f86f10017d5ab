"""The documentation site: an mkdocs plugin that writes a page for every registered algorithm.

Enable it in ``mkdocs.yml`` with ``plugins: [search, eigenvue]``. Nothing here is
imported by ``import eigenvue``; mkdocs loads :mod:`eigenvue.docs.plugin` through
the ``mkdocs.plugins`` entry point.
"""
