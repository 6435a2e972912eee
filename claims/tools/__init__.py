"""Tooling: extraction and claim-check evaluation, the scaling benchmark and public number suites."""
