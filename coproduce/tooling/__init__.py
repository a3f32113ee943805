"""Tooling for development, tests and the demo: never installed or imported in production.

- ``testing``: the tests' factories, fakes (GOV.UK Notify, an identity provider), browser
  and PostgreSQL helpers, and the frozen risk-screen evaluation set;
- ``synthetic``: the synthetic demo trust, its history, and the national extract;
- ``bench``: the benchmarks behind ``coproduce bench …`` (docs/benchmarks.md);
- ``management``: ``coproduce seed``, ``bench``, ``fake-notify`` and the benchmarks'
  helper commands.

Settings add this app only outside production, and the production package leaves it
out (pyproject.toml); no other part of Coproduce imports it (checked by
``web/tests/test_structure.py``).
"""
