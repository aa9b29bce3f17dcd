{#-
    Boolean SQL, never NULL: true when any of the row's codes belongs to the sensitive group (default: the
    42 CFR Part 2 group `vars.aegis_default_sensitive_group`). `codes` is a list of [code_system, sql
    expression] pairs; the rule set is data, read at run time: ICD-10-CM prefixes and SNOMED CT concepts
    of the group in the chronic condition seeds, RxNorm and HCPCS codes in sensitive_row_codes. A rule
    change is a seed change and a rebuild, never a code change. The generated staging models call it with
    the columns their ViewDefinition tags `aegis/sensitive-code`.
-#}
{% macro sensitive_row_flag(codes, group=none) -%}
    {%- set group = group or var('aegis_default_sensitive_group', 'part2_substance_use') -%}
    {%- if group not in var('aegis_sensitive_condition_groups', {}) -%}
        {{ exceptions.raise_compiler_error("sensitive_row_flag: group '" ~ group ~ "' is not in vars.aegis_sensitive_condition_groups") }}
    {%- endif -%}
    {%- set tests = [] -%}
    {%- for system, expression in codes -%}
        {%- if system == 'icd10cm' -%}
            {%- do tests.append("exists (select 1 from " ~ ref('chronic_condition_groups') ~ " as sensitive_rule where sensitive_rule.condition_group = '" ~ group ~ "' and " ~ aegis.icd10cm_matches_prefix(expression, 'sensitive_rule.icd10cm_prefix') ~ ")") -%}
        {%- elif system == 'snomed' -%}
            {%- do tests.append("exists (select 1 from " ~ ref('chronic_condition_groups_snomed') ~ " as sensitive_rule where sensitive_rule.condition_group = '" ~ group ~ "' and sensitive_rule.snomed_code = " ~ expression ~ ")") -%}
        {%- elif system in ('rxnorm', 'hcpcs') -%}
            {%- do tests.append("exists (select 1 from " ~ ref('sensitive_row_codes') ~ " as sensitive_rule where sensitive_rule.sensitive_group = '" ~ group ~ "' and sensitive_rule.code_system = '" ~ system ~ "' and sensitive_rule.code = " ~ expression ~ ")") -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("sensitive_row_flag: no rule for code system '" ~ system ~ "' (icd10cm, snomed, rxnorm, hcpcs)") }}
        {%- endif -%}
    {%- endfor -%}
    {%- if not tests -%}
        {{ exceptions.raise_compiler_error("sensitive_row_flag: no code column given") }}
    {%- endif -%}
    ({{ tests | join('\n        or ') }})
{%- endmacro %}
