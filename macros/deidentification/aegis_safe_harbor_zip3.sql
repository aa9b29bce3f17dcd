{#- Safe Harbor 164.514(b)(2)(i)(B): the first three ZIP digits, or '000' where that three-digit area
    has 20,000 people or fewer (the prefixes in var aegis_restricted_zip3). The rule itself lives once, in
    the governance strategy `zip3`; de-identified marts apply the same SQL to their own columns. -#}
{% macro aegis_safe_harbor_zip3(zip_column) -%}
    {{- aegis.aegis_mask_zip3(
        zip_column,
        {'family': 'text', 'data_type': 'varchar'},
        {'restricted_zip3': var('aegis_restricted_zip3')}
    ) -}}
{%- endmacro %}
