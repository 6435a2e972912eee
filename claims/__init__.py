"""Probation Claims: build, query and trace the statistics database."""
__version__ = "0.1.0"
