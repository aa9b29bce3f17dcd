{#- Every classification error of one node, each naming the node, the column and what is allowed.
    Only category names and column names appear: never a data value. -#}
{% macro aegis_validate_node(record, settings, yaml_path=none) %}
    {%- set errors = [] -%}
    {%- set where = record.resource_type ~ " '" ~ record.name ~ "'" -%}
    {%- set allowed_categories = settings.categories | join(', ') -%}
    {%- set must_declare = record.resource_type in ['model', 'snapshot', 'source'] -%}
    {%- if must_declare and record.materialized != 'ephemeral' and record.columns | length == 0 -%}
        {%- do errors.append(where ~ ": declares no columns; every column needs config.meta.phi (allowed: " ~ allowed_categories ~ ")") -%}
    {%- endif -%}
    {%- set phi_columns = [] -%}
    {%- set column_names = [] -%}
    {%- for column in record.columns -%}
        {%- set at = where ~ " column '" ~ column.name ~ "'" -%}
        {%- do column_names.append(column.name) -%}
        {%- if column.phi is none -%}
            {%- do errors.append(at ~ ": missing config.meta.phi (allowed: " ~ allowed_categories ~ ")" ~ aegis.aegis_classification_hint(column, settings, yaml_path)) -%}
        {%- elif column.phi not in settings.categories -%}
            {%- do errors.append(at ~ ": unknown phi '" ~ column.phi ~ "' (allowed: " ~ allowed_categories ~ ")" ~ aegis.aegis_classification_hint(column, settings, yaml_path)) -%}
        {%- elif column.phi != 'none' -%}
            {%- do phi_columns.append(column.name) -%}
        {%- endif -%}
        {%- if column.phi_strategy is not mapping -%}
            {%- do errors.append(at ~ ": phi_strategy must be a mapping {<tier>: <strategy>} (tiers: " ~ settings.tiers | join(', ') ~ ")") -%}
        {%- else -%}
            {%- for tier, strategy in column.phi_strategy.items() -%}
                {%- if tier not in settings.tiers -%}
                    {%- do errors.append(at ~ ": phi_strategy names unknown tier '" ~ tier ~ "' (allowed: " ~ settings.tiers | join(', ') ~ ")") -%}
                {%- endif -%}
                {%- if strategy not in settings.strategies -%}
                    {%- do errors.append(at ~ ": phi_strategy." ~ tier ~ " is unknown strategy '" ~ strategy ~ "' (allowed: " ~ settings.strategies | join(', ') ~ ")") -%}
                {%- elif tier == 'deidentified' and strategy == 'pseudonym' -%}
                    {%- do errors.append(at ~ ": phi_strategy.deidentified may not be pseudonym (45 CFR 164.514(c): use a random surrogate key)") -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
        {%- if column.phi_declassified is not none -%}
            {%- set declassified = column.phi_declassified if column.phi_declassified is mapping else {} -%}
            {%- if not declassified.get('by') or not declassified.get('reason') -%}
                {%- do errors.append(at ~ ": phi_declassified needs both 'by' and 'reason' (e.g. {by: aggregation, reason: ...})") -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {#- a pseudonym computed at build time (aegis_pseudonym) names the identifier it stands for, and is as
        identifying as that identifier's pseudonym: Safe Harbor (164.514(c)) and aggregate tiers never read it -#}
    {%- for column in record.columns if column.phi == 'keyed_pseudonym' or column.pseudonym_of -%}
        {%- set at = where ~ " column '" ~ column.name ~ "'" -%}
        {%- if column.phi != 'keyed_pseudonym' -%}
            {%- do errors.append(at ~ ": pseudonym_of is only for phi: keyed_pseudonym columns") -%}
        {%- elif not column.pseudonym_of -%}
            {%- do errors.append(at ~ ": a keyed_pseudonym column needs config.meta.pseudonym_of (the identifier column it pseudonymises)") -%}
        {%- elif column.pseudonym_of not in column_names or column.pseudonym_of == column.name -%}
            {%- do errors.append(at ~ ": pseudonym_of '" ~ column.pseudonym_of ~ "' is not another declared column (declared: " ~ column_names | join(', ') ~ ")") -%}
        {%- endif -%}
        {%- for tier in ['deidentified', 'aggregate'] if tier in settings.tiers and aegis.aegis_strategy_for(tier, column.phi, column.phi_strategy if column.phi_strategy is mapping else {}) in ['clear', 'pseudonym'] -%}
            {%- do errors.append(at ~ ": a keyed pseudonym may not be readable by the " ~ tier ~ " tier (45 CFR 164.514(c): deny it)") -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- if phi_columns and record.contains_phi is not true -%}
        {%- do errors.append(where ~ ": has PHI columns (" ~ phi_columns | join(', ') ~ ") but config.meta.contains_phi is not true") -%}
    {%- endif -%}
    {%- if record.sensitive_row_column -%}
        {%- if record.sensitive_row_column | lower not in column_names -%}
            {%- do errors.append(where ~ ": sensitive_row_column '" ~ record.sensitive_row_column ~ "' is not a declared column (declared: " ~ column_names | join(', ') ~ ")") -%}
        {%- endif -%}
        {%- set group = record.sensitive_row_group or settings.default_sensitive_group -%}
        {%- if group not in settings.sensitive_groups -%}
            {%- do errors.append(where ~ ": sensitive_row_group '" ~ group ~ "' is unknown (allowed: " ~ settings.sensitive_groups.keys() | list | join(', ') ~ ")") -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(errors) }}
{% endmacro %}
