"""PHI governance: classification reading, validation helpers, plans and audits (Python side).

The Jinja side lives in macros/governance/; both read the same dbt_project.yml vars and must agree
(tests/python/governance/test_plan_reader_agreement.py checks that they do).
"""
