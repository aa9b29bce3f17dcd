"""Real database engines for tests and local runs: embedded PostgreSQL 18, a fakesnow server, raw loaders.

Each engine starts on the loopback interface only and is stopped by its owner (a pytest fixture or the
`with` block that started it). See docs/engines.md for what each engine proves and what it does not.
"""
