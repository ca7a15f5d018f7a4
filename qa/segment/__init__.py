"""Splitting a page into articles: typed blocks, the walk, and page-level repairs."""
